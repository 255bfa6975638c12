import { describe, expect, it } from 'vitest';
import type { Member, ProjectMember } from '../shared/api/types';
import {
  assignableRoles,
  bulkRoleTargets,
  canEditMember,
  canListMembers,
  canListProjectMembers,
  canManageMembers,
  EMPTY_FILTER,
  filterMembers,
  invitationStatus,
  invitationUrl,
  invitePageState,
  mergeMembers,
  parseExpiryDays,
  projectCandidates,
  selectAllState,
  stateAfterSignupErrors,
  toggleAllVisible,
  toggleSelected,
  visibleSelection,
} from './members';

const m = (userId: string, displayName: string, role: Member['role'], active = true): Member => ({
  userId, displayName, role, active, email: `${displayName.toLowerCase()}@Example.org`, joinedAt: '2030-01-01T00:00:00Z',
});
const ann = m('1', 'Ann', 'OWNER');
const bob = m('2', 'Bob', 'ADMIN');
const cy = m('3', 'Cy', 'ANNOTATOR', false);
const dee = m('4', 'Dee', 'ANNOTATOR');
const all = [ann, bob, cy, dee];

describe('permissions', () => {
  it('follows docs/authorization.md', () => {
    expect(canManageMembers('OWNER')).toBe(true);
    expect(canManageMembers('MANAGER')).toBe(false);
    expect(canListMembers('MANAGER')).toBe(true);
    expect(canListMembers('REVIEWER')).toBe(false);
    expect(canListProjectMembers('REVIEWER')).toBe(true);
    expect(canListProjectMembers('ANNOTATOR')).toBe(false);
    expect(assignableRoles('OWNER')).toContain('OWNER');
    expect(assignableRoles('ADMIN')).toEqual(['ADMIN', 'MANAGER', 'REVIEWER', 'ANNOTATOR']);
    expect(assignableRoles('MANAGER')).toEqual([]);
    expect(canEditMember('ADMIN', ann)).toBe(false);
    expect(canEditMember('ADMIN', dee)).toBe(true);
    expect(canEditMember('OWNER', ann)).toBe(true);
  });
});

describe('filterMembers', () => {
  it('matches part of the name or email, case-insensitively, trimmed', () => {
    expect(filterMembers(all, { ...EMPTY_FILTER, search: '  BO ' })).toEqual([bob]);
    expect(filterMembers(all, { ...EMPTY_FILTER, search: 'example.ORG' })).toEqual(all);
    expect(filterMembers(all, EMPTY_FILTER)).toEqual(all);
  });
  it('combines role and active status', () => {
    expect(filterMembers(all, { ...EMPTY_FILTER, role: 'ANNOTATOR' })).toEqual([cy, dee]);
    expect(filterMembers(all, { ...EMPTY_FILTER, role: 'ANNOTATOR', active: 'inactive' })).toEqual([cy]);
    expect(filterMembers(all, { search: 'd', role: 'ANNOTATOR', active: 'active' })).toEqual([dee]);
    expect(filterMembers(all, { search: 'zzz', role: '', active: 'all' })).toEqual([]);
  });
});

describe('bulk selection', () => {
  it('toggles one id', () => {
    const s = toggleSelected(new Set(), 'a');
    expect([...s]).toEqual(['a']);
    expect([...toggleSelected(s, 'a')]).toEqual([]);
  });
  it('header checkbox selects the visible rows, then clears only them', () => {
    const hidden = new Set(['x']);
    const s = toggleAllVisible(hidden, ['a', 'b']);
    expect([...s].sort()).toEqual(['a', 'b', 'x']);
    expect(selectAllState(s, ['a', 'b'])).toBe('all');
    expect([...toggleAllVisible(s, ['a', 'b'])]).toEqual(['x']);
    expect(selectAllState(new Set(['a']), ['a', 'b'])).toBe('some');
    expect(selectAllState(new Set(['a']), [])).toBe('none');
    expect([...toggleAllVisible(new Set(['a']), ['a', 'b'])].sort()).toEqual(['a', 'b']);
  });
  it('acts only on selected rows still shown', () => {
    expect(visibleSelection(new Set(['a', 'x']), ['a', 'b'])).toEqual(['a']);
  });
  it('bulk role targets skip members already in the role and Owners for an Admin', () => {
    const { targets, skipped } = bulkRoleTargets(all, ['1', '3', '4', 'gone'], 'ANNOTATOR', 'ADMIN');
    expect(targets).toEqual([]);
    expect(skipped.map((s) => s.member.userId)).toEqual(['1', '3', '4']);
    expect(bulkRoleTargets(all, ['1', '2', '4'], 'REVIEWER', 'OWNER').targets).toEqual([ann, bob, dee]);
  });
  it('merges changed members back in place', () => {
    const changed = { ...dee, role: 'REVIEWER' as const };
    expect(mergeMembers(all, [changed, null])).toEqual([ann, bob, cy, changed]);
  });
});

describe('invitations', () => {
  const now = new Date('2030-01-10T00:00:00Z');
  it('status from acceptance and expiry', () => {
    expect(invitationStatus({ acceptedAt: '2030-01-02T00:00:00Z', acceptedBy: 'u', expiresAt: '2030-01-01T00:00:00Z' }, now)).toBe('ACCEPTED');
    expect(invitationStatus({ acceptedAt: null, acceptedBy: null, expiresAt: '2030-01-09T00:00:00Z' }, now)).toBe('EXPIRED');
    expect(invitationStatus({ acceptedAt: null, acceptedBy: null, expiresAt: '2030-01-11T00:00:00Z' }, now)).toBe('OPEN');
    expect(invitationStatus({ acceptedAt: null, acceptedBy: null, expiresAt: '2030-01-11T00:00:00Z', revokedAt: '2030-01-05T00:00:00Z' }, now)).toBe('REVOKED');
  });
  it('absolute link from the server path, or from the token', () => {
    expect(invitationUrl('/invite/lli_abc', 'lli_abc', 'https://ll.example/')).toBe('https://ll.example/invite/lli_abc');
    expect(invitationUrl(null, 'a b', 'http://h')).toBe('http://h/invite/a%20b');
    expect(invitationUrl('https://x/invite/t', null, 'http://h')).toBe('https://x/invite/t');
    expect(invitationUrl(null, null, 'http://h')).toBeNull();
  });
  it('expiry days 1 to 30', () => {
    expect(parseExpiryDays('7')).toBe(7);
    expect(parseExpiryDays(' 30 ')).toBe(30);
    expect(parseExpiryDays('0')).toBeNull();
    expect(parseExpiryDays('31')).toBeNull();
    expect(parseExpiryDays('2.5')).toBeNull();
    expect(parseExpiryDays('')).toBeNull();
  });
});

describe('invite page state', () => {
  const now = new Date('2030-01-10T00:00:00Z');
  const info = (status: 'OPEN' | 'USED' | 'EXPIRED' | 'REVOKED', expiresAt = '2030-01-12T00:00:00Z') =>
    ({ ok: true as const, invitation: { organizationName: 'Acme', role: 'REVIEWER', expiresAt, status } });
  it('maps the lookup answer', () => {
    expect(invitePageState(info('OPEN'), now)).toEqual({ kind: 'open', organizationName: 'Acme', role: 'REVIEWER', expiresAt: '2030-01-12T00:00:00Z' });
    expect(invitePageState(info('USED'), now)).toEqual({ kind: 'used', organizationName: 'Acme' });
    expect(invitePageState(info('EXPIRED'), now)).toEqual({ kind: 'expired', organizationName: 'Acme' });
    expect(invitePageState(info('REVOKED'), now)).toEqual({ kind: 'revoked', organizationName: 'Acme' });
    expect(invitePageState(info('OPEN', '2030-01-09T00:00:00Z'), now).kind).toBe('expired');
    expect(invitePageState({ ok: false, status: 404, errors: [{ code: 'NOT_FOUND', field: ['invitation'], message: 'x' }] }, now)).toEqual({ kind: 'unknown' });
    expect(invitePageState({ ok: false, status: 500, errors: [{ code: 'VALIDATION', field: null, message: 'boom' }] }, now)).toEqual({ kind: 'error', message: 'boom' });
  });
  it('a sign-up refused for the invitation switches the page', () => {
    const open = { kind: 'open' as const, organizationName: 'Acme', role: 'REVIEWER', expiresAt: 'x' };
    expect(stateAfterSignupErrors(open, [{ code: 'INVITATION_USED', field: null, message: '' }])).toEqual({ kind: 'used', organizationName: 'Acme' });
    expect(stateAfterSignupErrors(open, [{ code: 'INVITATION_EXPIRED', field: null, message: '' }])).toEqual({ kind: 'expired', organizationName: 'Acme' });
    expect(stateAfterSignupErrors(open, [{ code: 'NOT_FOUND', field: ['invitation'], message: '' }])).toEqual({ kind: 'unknown' });
    expect(stateAfterSignupErrors(open, [{ code: 'CONFLICT', field: ['email'], message: '' }])).toBe(open);
  });
});

describe('projectCandidates', () => {
  it('active organization members not on the project, by name', () => {
    const pm: ProjectMember[] = [{ projectId: 'p', userId: '2', displayName: 'Bob', role: 'REVIEWER' }];
    expect(projectCandidates([dee, cy, bob, ann], pm)).toEqual([ann, dee]);
  });
});
