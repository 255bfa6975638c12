import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Me, OrganizationRole } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { SettingsLayout } from './SettingsLayout';

function renderAs(role: OrganizationRole, path = '/settings/tokens') {
  const me: Me = { id: 'u1', email: 'a@a.test', displayName: 'A', role, organization: { id: 'o1', name: 'Acme' } };
  render(
    <SessionContext.Provider value={{ me, reload: async () => me, signOut: async () => {} }}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/settings" element={<SettingsLayout />}>
            <Route path="tokens" element={<p>tokens page</p>} />
            <Route path="sso" element={<p>sso page</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </SessionContext.Provider>,
  );
}

const links = () => [...screen.getByRole('navigation', { name: 'Settings' }).querySelectorAll('a')].map((a) => a.textContent);

afterEach(cleanup);

describe('SettingsLayout', () => {
  it('shows an Admin every organization page beside the page itself', () => {
    renderAs('ADMIN', '/settings/sso');
    expect(links()).toEqual(['API tokens', 'Members', 'Workspaces', 'Sign-in', 'Single sign-on', 'SCIM provisioning']);
    expect(screen.getByText('sso page')).toBeTruthy();
    expect(screen.getByTestId('nav-sso').className).toContain('active');
  });

  it('shows a Manager workspaces only, and an Annotator only their account', () => {
    renderAs('MANAGER');
    expect(links()).toEqual(['API tokens', 'Workspaces']);
    cleanup();
    renderAs('ANNOTATOR');
    expect(links()).toEqual(['API tokens']);
    expect(screen.queryByText('Organization')).toBeNull();
    expect(screen.getByText('tokens page')).toBeTruthy();
  });
});
