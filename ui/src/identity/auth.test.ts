import { describe, expect, it, vi } from 'vitest';
import { describeInvitation, login, signup } from './auth';

function respond(status: number, body: unknown): typeof fetch {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })) as unknown as typeof fetch;
}

describe('auth', () => {
  it('signup posts JSON with the same-origin cookie, then signs in and returns the session', async () => {
    const replies = [
      new Response(JSON.stringify({ next: 'SIGN_IN' }), { status: 202 }),
      new Response(JSON.stringify({ userId: 'u1', organizationId: 'o1' }), { status: 200 }),
    ];
    const fetchImpl = vi.fn(async () => replies.shift()!) as unknown as typeof fetch;
    const r = await signup({ email: 'a@b.c', password: 'pw123456', displayName: 'A', organizationName: 'Org' }, fetchImpl);
    expect(r).toEqual({ ok: true, session: { userId: 'u1', organizationId: 'o1' } });
    const calls = (fetchImpl as unknown as ReturnType<typeof vi.fn>).mock.calls;
    const [url, init] = calls[0];
    expect(url).toBe('/api/auth/signup');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body).organizationName).toBe('Org');
    expect(calls[1][0]).toBe('/api/auth/login');
    expect(JSON.parse(calls[1][1].body)).toEqual({ email: 'a@b.c', password: 'pw123456' });
  });

  it('signup passes the typed errors of a 400 through', async () => {
    const r = await signup(
      { email: 'a@b.c', password: 'x', displayName: 'A', organizationName: 'O' },
      respond(400, { errors: [{ code: 'VALIDATION', field: ['password'], message: 'Too short' }] }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(400);
      expect(r.errors[0]).toMatchObject({ code: 'VALIDATION', field: ['password'] });
    }
  });

  it('login gives a readable error when a 401 has no body', async () => {
    const r = await login('a@b.c', 'wrong', respond(401, undefined));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(1);
  });

  it('signup with an invitation sends the token', async () => {
    const fetchImpl = respond(200, { userId: 'u2', organizationId: 'o1' });
    await signup({ email: 'a@b.c', password: 'pw12345678', displayName: 'A', invitation: 'lli_t' }, fetchImpl);
    const [, init] = (fetchImpl as unknown as ReturnType<typeof vi.fn>).mock.calls[0];
    expect(JSON.parse(init.body)).toEqual({ email: 'a@b.c', password: 'pw12345678', displayName: 'A', invitation: 'lli_t' });
  });

  it('describeInvitation returns what the invitation offers, or the typed 404', async () => {
    const info = { organizationName: 'Acme', role: 'REVIEWER', expiresAt: '2030-01-01T00:00:00Z', status: 'OPEN' };
    const fetchImpl = respond(200, info);
    expect(await describeInvitation('lli_t', fetchImpl)).toEqual({ ok: true, invitation: info });
    const [url, init] = (fetchImpl as unknown as ReturnType<typeof vi.fn>).mock.calls[0];
    expect(url).toBe('/api/auth/invitation');
    expect(JSON.parse(init.body)).toEqual({ token: 'lli_t' });

    const r = await describeInvitation('nope', respond(404, { errors: [{ code: 'NOT_FOUND', field: ['invitation'], message: 'Invitation not found' }] }));
    expect(r).toEqual({ ok: false, status: 404, errors: [{ code: 'NOT_FOUND', field: ['invitation'], message: 'Invitation not found' }] });
  });
});
