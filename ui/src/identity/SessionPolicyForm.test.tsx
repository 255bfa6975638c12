import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderWithQueries } from '../shared/testing/render';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionPolicyForm } from './SessionPolicyForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SessionPolicyForm', () => {
  it('shows the policy, sends empty fields as the default, and shows refusals at their field', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string) as { query: string; variables: { input?: unknown } };
      if (body.query.includes('setSessionPolicy')) {
        sent.push(body.variables.input);
        const data = sent.length === 1
          ? { setSessionPolicy: { policy: null, errors: [{ code: 'VALIDATION', field: ['idleTimeoutMinutes'], message: 'Between 5 minutes and 7 days' }] } }
          : { setSessionPolicy: { policy: { idleTimeoutMinutes: 30, maxSessionHours: null, installationIdleTimeoutMinutes: 480 }, errors: [] } };
        return new Response(JSON.stringify({ data }), { status: 200 });
      }
      return new Response(JSON.stringify({ data: { sessionPolicy: { idleTimeoutMinutes: null, maxSessionHours: 12, installationIdleTimeoutMinutes: 480 } } }), { status: 200 });
    }));
    renderWithQueries(<SessionPolicyForm />);
    await screen.findByText(/480 minutes/);
    expect((screen.getByTestId('session-max') as HTMLInputElement).value).toBe('12');
    fireEvent.change(screen.getByTestId('session-idle'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('session-save'));
    expect((await screen.findByTestId('session-idle-errors')).textContent).toContain('Between 5 minutes');
    fireEvent.change(screen.getByTestId('session-idle'), { target: { value: '30' } });
    fireEvent.change(screen.getByTestId('session-max'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('session-save'));
    await screen.findByTestId('session-saved');
    expect(sent).toEqual([{ idleTimeoutMinutes: 2, maxSessionHours: 12 }, { idleTimeoutMinutes: 30, maxSessionHours: null }]);
  });
});
