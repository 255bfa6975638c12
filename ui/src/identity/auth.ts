// REST endpoints for the cookie session (same origin).
import { csrfHeaders } from '../shared/api/graphql';
import type { UserError } from '../shared/api/types';

export interface SessionInfo {
  userId: string;
  organizationId: string;
}

export type AuthResult = { ok: true; session: SessionInfo } | { ok: false; status: number; errors: UserError[] };

export interface SignupInput {
  email: string;
  password: string;
  displayName: string;
  /** For a new organization; ignored when joining by invitation. */
  organizationName?: string;
  /** Invitation token: join the inviting organization with the invitation's role. */
  invitation?: string;
}

/** What POST /api/auth/invitation answers for a token (organization name and role only). */
export interface InvitationInfo {
  organizationName: string;
  role: string;
  expiresAt: string;
  status: 'OPEN' | 'USED' | 'EXPIRED' | 'REVOKED';
}

export type InvitationLookup =
  | { ok: true; invitation: InvitationInfo }
  | { ok: false; status: number; errors: UserError[] };

async function post(path: string, body: unknown, fetchImpl: typeof fetch): Promise<AuthResult> {
  const r = await postJson(path, body, fetchImpl);
  return r.ok ? { ok: true, session: r.json as SessionInfo } : r;
}

async function postJson(
  path: string,
  body: unknown,
  fetchImpl: typeof fetch,
): Promise<{ ok: true; json: unknown } | { ok: false; status: number; errors: UserError[] }> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
      body: JSON.stringify(body),
    });
  } catch (e) {
    return { ok: false, status: 0, errors: [{ code: 'VALIDATION', field: null, message: `Network error: ${String(e)}` }] };
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.ok) return { ok: true, json };
  const errors =
    json && typeof json === 'object' && Array.isArray((json as { errors?: unknown }).errors)
      ? ((json as { errors: UserError[] }).errors)
      : [{ code: 'VALIDATION' as const, field: null, message: defaultMessage(response.status) }];
  return { ok: false, status: response.status, errors };
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Wrong email or password.';
  if (status === 404) return 'Not found.';
  if (status === 409) return 'This email is already registered.';
  if (status === 410) return 'This invitation can no longer be used.';
  return `The server answered ${status}.`;
}

/** Makes the session act in another organization the person is an active member of. */
export function switchOrganization(organizationId: string, fetchImpl: typeof fetch = fetch): Promise<AuthResult> {
  return post('/api/session/organization', { organizationId }, fetchImpl);
}

/** Joins the invitation's organization with the signed-in account, and switches the session to it. */
export function joinWithInvitation(token: string, fetchImpl: typeof fetch = fetch): Promise<AuthResult> {
  return post('/api/session/invitation', { token }, fetchImpl);
}

/**
 * Signs up, then signs in with the same email and password. The server answers sign-up the same way whether the
 * email is new or already has an account ("sign in next", 202), so the session always comes from the sign-in.
 */
export async function signup(input: SignupInput, fetchImpl: typeof fetch = fetch): Promise<AuthResult> {
  const r = await postJson('/api/auth/signup', input, fetchImpl);
  if (!r.ok) return r;
  return login(input.email, input.password, fetchImpl);
}

export function login(email: string, password: string, fetchImpl: typeof fetch = fetch): Promise<AuthResult> {
  return post('/api/auth/login', { email, password }, fetchImpl);
}

export async function logout(fetchImpl: typeof fetch = fetch): Promise<void> {
  try {
    await fetchImpl('/api/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { ...csrfHeaders() } });
  } catch {
    // Signing out locally is enough when the server cannot be reached.
  }
}

/** Describes an invitation for the sign-up page; 404 (NOT_FOUND) when the token is unknown. */
export async function describeInvitation(token: string, fetchImpl: typeof fetch = fetch): Promise<InvitationLookup> {
  const r = await postJson('/api/auth/invitation', { token }, fetchImpl);
  return r.ok ? { ok: true, invitation: r.json as InvitationInfo } : r;
}
