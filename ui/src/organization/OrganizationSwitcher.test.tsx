import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { currentWorkspace, setCurrentWorkspace } from './workspaces';
import { OrganizationSwitcher } from './OrganizationSwitcher';

const me = (organizations: Me['organizations']): Me => ({
  id: 'u1', email: 'b@b.test', displayName: 'Bob', role: 'OWNER', organization: { id: 'o1', name: 'Bob Labs' }, organizations,
});

function renderWith(m: Me, reply: { status: number; body: unknown }) {
  const fn = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(reply.body), { status: reply.status }));
  vi.stubGlobal('fetch', fn);
  const reload = vi.fn(async () => m);
  render(
    <SessionContext.Provider value={{ me: m, reload, signOut: async () => {} }}>
      <MemoryRouter initialEntries={['/settings/members']}>
        <OrganizationSwitcher />
        <Routes>
          <Route path="/projects" element={<p data-testid="projects-page" />} />
          <Route path="*" element={<p />} />
        </Routes>
      </MemoryRouter>
    </SessionContext.Provider>,
  );
  return { fn, reload };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe('OrganizationSwitcher', () => {
  it('is hidden for people in one organization', () => {
    renderWith(me([{ id: 'o1', name: 'Bob Labs', role: 'OWNER' }]), { status: 200, body: {} });
    expect(screen.queryByTestId('organization-switcher')).toBeNull();
  });

  it('switches the session, forgets the workspace of the old organization and goes to the projects', async () => {
    setCurrentWorkspace('w-old');
    const { fn, reload } = renderWith(me([{ id: 'o1', name: 'Bob Labs', role: 'OWNER' }, { id: 'o2', name: 'Acme', role: 'ANNOTATOR' }]),
      { status: 200, body: { userId: 'u1', organizationId: 'o2' } });
    fireEvent.change(screen.getByTestId('organization-switcher'), { target: { value: 'o2' } });
    await screen.findByTestId('projects-page');
    expect(fn.mock.calls[0][0]).toBe('/api/session/organization');
    expect(JSON.parse(fn.mock.calls[0][1]!.body as string)).toEqual({ organizationId: 'o2' });
    expect(reload).toHaveBeenCalled();
    expect(currentWorkspace()).toBeNull();
  });

  it('says why when the switch is refused', async () => {
    renderWith(me([{ id: 'o1', name: 'Bob Labs', role: 'OWNER' }, { id: 'o2', name: 'Acme', role: 'ANNOTATOR' }]),
      { status: 404, body: { errors: [{ code: 'NOT_FOUND', field: ['organizationId'], message: 'Organization not found' }] } });
    fireEvent.change(screen.getByTestId('organization-switcher'), { target: { value: 'o2' } });
    await waitFor(() => expect(screen.getByTestId('organization-switch-error').textContent).toContain('Organization not found'));
  });
});
