// Pure logic for the organization Members page, the Project Members tab and the invitation sign-up page.
import type { InvitationLookup } from '../identity/auth';
import type { Member, OrganizationRole, ProjectMember, UserError } from '../shared/api/types';
import type { InvitationFieldsFragment } from '../shared/gql/graphql';
import { ORGANIZATION_ROLES } from '../shared/api/types';

export const ROLE_LABELS: Record<OrganizationRole, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  MANAGER: 'Manager',
  REVIEWER: 'Reviewer',
  ANNOTATOR: 'Annotator',
};

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

// ---- who may do what (mirrors docs/authorization.md; the server decides) ---------------------------

/** Owners and Admins manage members and invitations. */
export function canManageMembers(role: OrganizationRole | null | undefined): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

/** Query.members is allowed for Owners, Admins and Managers (Managers read only). */
export function canListMembers(role: OrganizationRole | null | undefined): boolean {
  return canManageMembers(role) || role === 'MANAGER';
}

/** Roles the caller may grant (or invite with): only an Owner grants Owner. */
export function assignableRoles(caller: OrganizationRole | null | undefined): OrganizationRole[] {
  if (caller === 'OWNER') return [...ORGANIZATION_ROLES];
  if (caller === 'ADMIN') return ORGANIZATION_ROLES.filter((r) => r !== 'OWNER');
  return [];
}

/** Whether the caller may change or (de)activate this member: an Admin does not touch Owners. */
export function canEditMember(caller: OrganizationRole | null | undefined, member: Pick<Member, 'role'>): boolean {
  if (caller === 'OWNER') return true;
  if (caller === 'ADMIN') return member.role !== 'OWNER';
  return false;
}

/** Project members may be managed by Owners, Admins and Managers (managers only on their projects; the server decides). */
export function canManageProjectMembers(role: OrganizationRole | null | undefined): boolean {
  return role === 'OWNER' || role === 'ADMIN' || role === 'MANAGER';
}

/**
 * Owners, Admins and Managers run projects: create them, import tasks, change their settings (createProject,
 * importTasks, updateProject in rules.csv; Managers on their projects). Annotators and Reviewers are not shown those
 * forms, which could only fail for them. An unknown role (session not loaded yet) is let through: the server decides.
 */
export function canManageProjects(role: OrganizationRole | null | undefined): boolean {
  return role == null || canManageProjectMembers(role);
}

/** Query.projectMembers is denied to Annotators. */
export function canListProjectMembers(role: OrganizationRole | null | undefined): boolean {
  return role != null && role !== 'ANNOTATOR';
}

// ---- filtering ---------------------------------------------------------------------------------------

export type ActiveFilter = 'all' | 'active' | 'inactive';

export interface MemberListFilter {
  search: string;
  role: OrganizationRole | '';
  active: ActiveFilter;
}

export const EMPTY_FILTER: MemberListFilter = { search: '', role: '', active: 'all' };

/** Members matching the text (part of name or email, case-insensitive), role and active filters; order kept. */
export function filterMembers(members: Member[], filter: MemberListFilter): Member[] {
  const q = filter.search.trim().toLowerCase();
  return members.filter(
    (m) =>
      (q === '' || m.displayName.toLowerCase().includes(q) || m.email.toLowerCase().includes(q)) &&
      (filter.role === '' || m.role === filter.role) &&
      (filter.active === 'all' || (filter.active === 'active') === m.active),
  );
}

// ---- bulk selection ----------------------------------------------------------------------------------

export function toggleSelected(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export type SelectAllState = 'none' | 'some' | 'all';

/** How many of the visible (selectable) rows are selected, for the header checkbox. */
export function selectAllState(selected: ReadonlySet<string>, visibleIds: string[]): SelectAllState {
  if (visibleIds.length === 0) return 'none';
  const n = visibleIds.filter((id) => selected.has(id)).length;
  return n === 0 ? 'none' : n === visibleIds.length ? 'all' : 'some';
}

/** Header checkbox: selects every visible row unless all are selected, then clears them; hidden selections stay. */
export function toggleAllVisible(selected: ReadonlySet<string>, visibleIds: string[]): Set<string> {
  const next = new Set(selected);
  if (selectAllState(selected, visibleIds) === 'all') visibleIds.forEach((id) => next.delete(id));
  else visibleIds.forEach((id) => next.add(id));
  return next;
}

/** The selection restricted to rows still shown (after a filter change), so bulk actions act on what is seen. */
export function visibleSelection(selected: ReadonlySet<string>, visibleIds: string[]): string[] {
  return visibleIds.filter((id) => selected.has(id));
}

/** The selected members a bulk role change would send: skips those already in that role and those the caller may not edit. */
export function bulkRoleTargets(
  members: Member[],
  selectedIds: string[],
  role: OrganizationRole,
  caller: OrganizationRole | null | undefined,
): { targets: Member[]; skipped: { member: Member; reason: string }[] } {
  const byId = new Map(members.map((m) => [m.userId, m]));
  const targets: Member[] = [];
  const skipped: { member: Member; reason: string }[] = [];
  for (const id of selectedIds) {
    const m = byId.get(id);
    if (!m) continue;
    if (m.role === role) skipped.push({ member: m, reason: `already ${roleLabel(role)}` });
    else if (!canEditMember(caller, m)) skipped.push({ member: m, reason: 'only an Owner changes an Owner' });
    else targets.push(m);
  }
  return { targets, skipped };
}

/** One member's result of a bulk action, for the results list. */
export interface MemberOutcome {
  member: Member;
  errors: UserError[];
}

/** Replace the members the server returned after a change; the others stay as they were. */
export function mergeMembers<T extends { userId: string }>(members: T[], updated: (T | null | undefined)[]): T[] {
  const byId = new Map(updated.filter((m): m is T => m != null).map((m) => [m.userId, m]));
  return members.map((m) => byId.get(m.userId) ?? m);
}

// ---- invitations -------------------------------------------------------------------------------------

export type InvitationStatus = 'ACCEPTED' | 'REVOKED' | 'EXPIRED' | 'OPEN';

export function invitationStatus(inv: Pick<InvitationFieldsFragment, 'acceptedAt' | 'acceptedBy' | 'expiresAt'> & { revokedAt?: string | null }, now: Date = new Date()): InvitationStatus {
  if (inv.acceptedAt || inv.acceptedBy) return 'ACCEPTED';
  if (inv.revokedAt) return 'REVOKED';
  return new Date(inv.expiresAt).getTime() <= now.getTime() ? 'EXPIRED' : 'OPEN';
}

/** Absolute URL of an invitation from the server's path ("/invite/<token>"), or from the token if no path came. */
export function invitationUrl(link: string | null, token: string | null, origin: string): string | null {
  const path = link ?? (token ? `/invite/${encodeURIComponent(token)}` : null);
  if (!path) return null;
  if (/^https?:\/\//i.test(path)) return path;
  return origin.replace(/\/+$/, '') + (path.startsWith('/') ? path : '/' + path);
}

/** An expiry in days from a text field: 1 to 30 (the server's rule); null when not valid. */
export function parseExpiryDays(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 30 ? n : null;
}

// ---- invitation sign-up page -------------------------------------------------------------------------

export type InvitePageState =
  | { kind: 'loading' }
  | { kind: 'open'; organizationName: string; role: string; expiresAt: string }
  | { kind: 'expired'; organizationName: string }
  | { kind: 'used'; organizationName: string }
  | { kind: 'revoked'; organizationName: string }
  | { kind: 'unknown' }
  | { kind: 'error'; message: string };

/** The page state from the answer of POST /api/auth/invitation; an OPEN invitation past its expiry counts as expired. */
export function invitePageState(lookup: InvitationLookup, now: Date = new Date()): InvitePageState {
  if (!lookup.ok) {
    if (lookup.status === 404 || lookup.errors.some((e) => e.code === 'NOT_FOUND')) return { kind: 'unknown' };
    return { kind: 'error', message: lookup.errors.map((e) => e.message).join('\n') || `The server answered ${lookup.status}.` };
  }
  const i = lookup.invitation;
  if (i.status === 'USED') return { kind: 'used', organizationName: i.organizationName };
  if (i.status === 'REVOKED') return { kind: 'revoked', organizationName: i.organizationName };
  if (i.status === 'EXPIRED' || new Date(i.expiresAt).getTime() <= now.getTime()) return { kind: 'expired', organizationName: i.organizationName };
  return { kind: 'open', organizationName: i.organizationName, role: i.role, expiresAt: i.expiresAt };
}

/** After a failed sign-up with the token, whether the invitation itself is gone (the form then makes no sense). */
export function stateAfterSignupErrors(current: InvitePageState, errors: UserError[]): InvitePageState {
  const org = 'organizationName' in current ? current.organizationName : '';
  if (errors.some((e) => e.code === 'INVITATION_USED')) return { kind: 'used', organizationName: org };
  if (errors.some((e) => e.code === 'INVITATION_REVOKED')) return { kind: 'revoked', organizationName: org };
  if (errors.some((e) => e.code === 'INVITATION_EXPIRED')) return { kind: 'expired', organizationName: org };
  if (errors.some((e) => e.code === 'NOT_FOUND' && e.field?.includes('invitation'))) return { kind: 'unknown' };
  return current;
}

// ---- project members ---------------------------------------------------------------------------------

/** Active organization members who are not yet on the project, by name. */
export function projectCandidates(members: Member[], projectMembers: ProjectMember[]): Member[] {
  const on = new Set(projectMembers.map((p) => p.userId));
  return members
    .filter((m) => m.active && !on.has(m.userId))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
