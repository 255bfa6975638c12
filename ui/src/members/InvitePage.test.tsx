import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../shared/api/types';
import { SessionContext } from '../identity/session';
import { InvitePage } from './InvitePage';

type Reply = { status: number; body: unknown };

function mockRest(routes: Record<string, Reply | Reply[]>) {
  const fn = vi.fn(async (url: string, _init: RequestInit) => {
    const r = routes[url];
    const reply = Array.isArray(r) ? r.shift()! : r;
    return new Response(JSON.stringify(reply.body), { status: reply.status });
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

function renderInvite(token = 'lli_tok', me: Me | null = null) {
  const reload = vi.fn(async () => me);
  render(
    <SessionContext.Provider value={{ me, reload, signOut: async () => {} }}>
      <MemoryRouter initialEntries={[`/invite/${token}`]}>
        <Routes>
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route path="/projects" element={<p data-testid="projects-page">projects</p>} />
        </Routes>
      </MemoryRouter>
    </SessionContext.Provider>,
  );
  return { reload };
}

const OPEN = { organizationName: 'Acme', role: 'REVIEWER', expiresAt: '2999-01-01T00:00:00Z', status: 'OPEN' };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill() {
  fireEvent.change(screen.getByTestId('invite-display-name'), { target: { value: 'Rita' } });
  fireEvent.change(screen.getByTestId('invite-email'), { target: { value: 'rita@acme.test' } });
  fireEvent.change(screen.getByTestId('invite-password'), { target: { value: 'long-enough-pw' } });
}

describe('InvitePage', () => {
  it('shows organization and role, signs up with the token and goes to /projects', async () => {
    const fetchMock = mockRest({
      '/api/auth/invitation': { status: 200, body: OPEN },
      '/api/auth/signup': { status: 202, body: { next: 'SIGN_IN' } },
      '/api/auth/login': { status: 200, body: { userId: 'u9', organizationId: 'o1' } },
      '/api/session/invitation': { status: 410, body: { errors: [{ code: 'INVITATION_USED', field: ['invitation'], message: 'used' }] } },
    });
    const { reload } = renderInvite();
    expect((await screen.findByTestId('invite-organization')).textContent).toBe('Acme');
    expect(screen.getByTestId('invite-role-name').textContent).toBe('Reviewer');
    expect(JSON.parse(fetchMock.mock.calls[0][1].body as string)).toEqual({ token: 'lli_tok' });

    fill();
    fireEvent.click(screen.getByTestId('invite-submit'));
    await screen.findByTestId('projects-page');
    const signupBody = JSON.parse(fetchMock.mock.calls[1][1].body as string);
    expect(signupBody).toEqual({ displayName: 'Rita', email: 'rita@acme.test', password: 'long-enough-pw', invitation: 'lli_tok' });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/auth/invitation', '/api/auth/signup', '/api/auth/login', '/api/session/invitation']);
    expect(reload).toHaveBeenCalled();
  });

  it.each([
    [{ status: 200, body: { ...OPEN, status: 'EXPIRED' } }, 'expired'],
    [{ status: 200, body: { ...OPEN, status: 'USED' } }, 'used'],
    [{ status: 404, body: { errors: [{ code: 'NOT_FOUND', field: ['invitation'], message: 'Invitation not found' }] } }, 'unknown'],
    [{ status: 500, body: {} }, 'error'],
  ])('handles %o as %s without a form', async (reply, kind) => {
    mockRest({ '/api/auth/invitation': reply });
    renderInvite();
    await waitFor(() => expect(screen.getByTestId('invite-status').getAttribute('data-status')).toBe(kind));
    expect(screen.queryByTestId('invite-signup-form')).toBeNull();
  });

  it('keeps the form for field errors and switches to "used" when the sign-up says so', async () => {
    mockRest({
      '/api/auth/invitation': { status: 200, body: OPEN },
      '/api/auth/signup': [
        { status: 400, body: { errors: [{ code: 'VALIDATION', field: ['email'], message: 'Enter a valid email address' }] } },
        { status: 410, body: { errors: [{ code: 'INVITATION_USED', field: null, message: 'Invitation already used' }] } },
      ],
    });
    renderInvite();
    await screen.findByTestId('invite-signup-form');
    fill();
    fireEvent.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByText(/Enter a valid email address/)).toBeTruthy();
    expect(screen.getByTestId('invite-signup-form')).toBeTruthy();
    fireEvent.click(screen.getByTestId('invite-submit'));
    await waitFor(() => expect(screen.getByTestId('invite-status').getAttribute('data-status')).toBe('used'));
    expect(screen.queryByTestId('invite-signup-form')).toBeNull();
  });

  it('joins with the signed-in account instead of creating one', async () => {
    const me: Me = { id: 'u9', email: 'bob@b.test', displayName: 'Bob', role: 'OWNER', organization: { id: 'o2', name: 'Bob Labs' } };
    const fn = mockRest({
      '/api/auth/invitation': { status: 200, body: OPEN },
      '/api/session/invitation': [
        { status: 409, body: { errors: [{ code: 'CONFLICT', field: ['invitation'], message: 'You are a member of this organization already' }] } },
        { status: 200, body: { userId: 'u9', organizationId: 'o1' } },
      ],
    });
    renderInvite('lli_tok', me);
    await screen.findByTestId('invite-join');
    expect(screen.queryByTestId('invite-signup-form')).toBeNull();
    fireEvent.click(screen.getByTestId('invite-join-submit'));
    expect((await screen.findByTestId('invite-join-errors')).textContent).toContain('member of this organization already');
    fireEvent.click(screen.getByTestId('invite-join-submit'));
    await screen.findByTestId('projects-page');
    const body = JSON.parse((fn.mock.calls.find((c) => c[0] === '/api/session/invitation')![1] as RequestInit).body as string);
    expect(body).toEqual({ token: 'lli_tok' });
  });
});
