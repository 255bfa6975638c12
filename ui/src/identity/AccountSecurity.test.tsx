import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionContext } from './session';
import { AccountSecurity } from './AccountSecurity';
import { mockGraphql } from '../shared/testing/graphqlMock';

function setup(handler: (op: string, vars: Record<string, unknown>) => unknown, signOut = vi.fn(async () => {})) {
  const fn = mockGraphql(handler);
  renderWithQueries(
    <SessionContext.Provider value={{ me: null, reload: async () => null, signOut }}>
      <AccountSecurity />
    </SessionContext.Provider>,
  );
  return { fn, signOut };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Account security', () => {
  it('changes the password with the current one and shows a wrong current password at its field', async () => {
    let attempt = 0;
    const { fn } = setup(() => {
      attempt++;
      return { changePassword: { errors: attempt === 1 ? [{ code: 'VALIDATION', field: ['currentPassword'], message: 'Your current password is not this one' }] : [] } };
    });
    fireEvent.change(screen.getByTestId('password-current'), { target: { value: 'not it at all' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'a brand new password' } });
    fireEvent.click(screen.getByTestId('password-change'));
    expect((await screen.findByTestId('password-errors')).textContent).toContain('current password');
    fireEvent.change(screen.getByTestId('password-current'), { target: { value: 'the right one 123' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'a brand new password' } });
    fireEvent.click(screen.getByTestId('password-change'));
    await screen.findByTestId('password-changed');
    expect(JSON.parse((fn.mock.calls[1][1] as RequestInit).body as string).variables.input)
      .toEqual({ currentPassword: 'the right one 123', newPassword: 'a brand new password' });
  });

  it('signs out everywhere after a confirmation, then leaves', async () => {
    vi.stubGlobal('confirm', vi.fn(() => true));
    const { fn, signOut } = setup(() => ({ signOutEverywhere: { errors: [] } }));
    fireEvent.click(screen.getByTestId('sign-out-everywhere'));
    await waitFor(() => expect(signOut).toHaveBeenCalled());
    expect(JSON.parse((fn.mock.calls[0][1] as RequestInit).body as string).query).toContain('signOutEverywhere');
  });
});
