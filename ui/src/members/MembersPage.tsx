import { useMemo, useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/api/graphql';
import { useQueryClient } from '@tanstack/react-query';
import { operationName, request, updateQuery, useGraphQLQuery } from '../shared/api/query';
import { ListAndRevoke, OneTimeSecret } from '../shared/components/ListAndRevoke';
import {
  ChangeMemberRoleMutation,
  CreateInvitationMutation,
  DeactivateMemberMutation,
  InvitationsQuery,
  MembersQuery,
  ReactivateMemberMutation,
  RevokeInvitationMutation,
} from './operations';
import type { MemberFieldsFragment } from '../shared/gql/graphql';
import { ORGANIZATION_ROLES, type Member, type OrganizationRole, type UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { userErrorText } from '../shared/lib/errors';
import { errorsFor, formatDateTime, otherErrors } from '../shared/lib/format';
import {
  assignableRoles,
  bulkRoleTargets,
  canEditMember,
  canListMembers,
  canManageMembers,
  EMPTY_FILTER,
  filterMembers,
  invitationStatus,
  invitationUrl,
  mergeMembers,
  parseExpiryDays,
  roleLabel,
  selectAllState,
  toggleAllVisible,
  toggleSelected,
  visibleSelection,
  type ActiveFilter,
  type MemberListFilter,
  type MemberOutcome,
} from './members';
import { useSession } from '../identity/session';

export function MembersPage() {
  const { me, reload } = useSession();
  const manage = canManageMembers(me?.role);
  const queryClient = useQueryClient();
  const list = useGraphQLQuery(MembersQuery, {}, { enabled: canListMembers(me?.role) });
  const members = useMemo(() => list.data?.members ?? [], [list.data]);
  const loading = list.isPending && canListMembers(me?.role);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<MemberListFilter>(EMPTY_FILTER);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkRole, setBulkRole] = useState<OrganizationRole>('ANNOTATOR');
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<MemberOutcome[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const visible = useMemo(() => filterMembers(members, filter), [members, filter]);
  const selectableIds = useMemo(() => (manage ? visible.filter((m) => canEditMember(me?.role, m)).map((m) => m.userId) : []), [manage, visible, me?.role]);
  const chosen = visibleSelection(selected, selectableIds);
  const allState = selectAllState(selected, selectableIds);

  if (!canListMembers(me?.role)) {
    return (
      <div>
        <h1>Members</h1>
        <p className="muted" data-testid="members-forbidden">Only Owners, Admins and Managers can see the organization's members.</p>
      </div>
    );
  }

  const setF = (patch: Partial<MemberListFilter>) => setFilter((f) => ({ ...f, ...patch }));

  /** Runs one mutation per member, one after the other, and collects each member's errors. */
  async function runEach(targets: Member[], send: (m: Member) => Promise<{ member: MemberFieldsFragment | null; errors: UserError[] }>, verb: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    setOutcomes([]);
    const updated: MemberFieldsFragment[] = [];
    const failed: MemberOutcome[] = [];
    try {
      for (const m of targets) {
        try {
          const p = await send(m);
          if (p.errors.length > 0) failed.push({ member: m, errors: p.errors });
          else if (p.member) updated.push(p.member);
        } catch (e) {
          failed.push({ member: m, errors: [{ code: 'VALIDATION', field: null, message: errorMessage(e) }] });
        }
      }
    } finally {
      updateQuery(queryClient, MembersQuery, {}, (d) => ({ members: mergeMembers(d.members, updated) }));
      // a change to one's own role applies from the next request: refresh the session (top bar, permissions)
      if (updated.some((u) => u.userId === me?.id)) void reload();
      setOutcomes(failed);
      const done = targets.length - failed.length;
      if (done > 0) setNotice(`${verb} ${done} member${done === 1 ? '' : 's'}.`);
      setBusy(false);
    }
    return failed;
  }

  async function applyBulkRole() {
    const { targets, skipped } = bulkRoleTargets(members, chosen, bulkRole, me?.role);
    if (targets.length === 0) {
      setNotice(skipped.length > 0 ? `Nothing to change: ${skipped.map((s) => `${s.member.displayName} (${s.reason})`).join(', ')}.` : null);
      return;
    }
    const failed = await runEach(
      targets,
      async (m) => (await request(ChangeMemberRoleMutation, { input: { userId: m.userId, role: bulkRole } })).changeMemberRole,
      `Changed the role of`,
    );
    const failedIds = new Set(failed.map((f) => f.member.userId));
    setSelected((s) => new Set([...s].filter((id) => failedIds.has(id))));
  }

  async function setActive(m: Member, active: boolean) {
    if (!active && !window.confirm(`Deactivate ${m.displayName}? Their sessions and API tokens stop working at once.`)) return;
    await runEach(
      [m],
      async (x) =>
        active
          ? (await request(ReactivateMemberMutation, { input: { userId: x.userId } })).reactivateMember
          : (await request(DeactivateMemberMutation, { input: { userId: x.userId } })).deactivateMember,
      active ? 'Reactivated' : 'Deactivated',
    );
  }

  return (
    <div>
      <h1>Members</h1>
      {!manage && <p className="muted" data-testid="members-readonly">Read only: Owners and Admins manage members.</p>}
      {manage && <InviteForm />}

      <div className="filters" data-testid="member-filters">
        <label>
          Search
          <input value={filter.search} onChange={(e) => setF({ search: e.target.value })} placeholder="name or email" data-testid="member-search" />
        </label>
        <label className="narrow-label">
          Role
          <select value={filter.role} onChange={(e) => setF({ role: e.target.value as OrganizationRole | '' })} data-testid="member-role-filter">
            <option value="">All roles</option>
            {ORGANIZATION_ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
          </select>
        </label>
        <label className="narrow-label">
          Status
          <select value={filter.active} onChange={(e) => setF({ active: e.target.value as ActiveFilter })} data-testid="member-active-filter">
            <option value="all">All</option>
            <option value="active">Active</option>
            <option value="inactive">Deactivated</option>
          </select>
        </label>
      </div>

      {manage && (
        <div className="toolbar" data-testid="bulk-bar">
          <span data-testid="bulk-count">{chosen.length} selected</span>
          <select value={bulkRole} onChange={(e) => setBulkRole(e.target.value as OrganizationRole)} data-testid="bulk-role" aria-label="New role">
            {assignableRoles(me?.role).map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
          </select>
          <button className="btn btn-small" disabled={busy || chosen.length === 0} onClick={() => void applyBulkRole()} data-testid="bulk-apply">
            Change role
          </button>
        </div>
      )}

      {notice && <div className="alert alert-ok" data-testid="members-notice">{notice}</div>}
      {outcomes.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="member-errors">
          <ul>
            {outcomes.map((o) =>
              o.errors.map((e, i) => (
                <li key={`${o.member.userId}-${i}`}>
                  <strong>{o.member.displayName}</strong>: {userErrorText(e)}
                </li>
              )),
            )}
          </ul>
        </div>
      )}
      <ErrorBox message={error ?? (list.error ? errorMessage(list.error) : null)} />

      <table className="table" data-testid="members-table">
        <thead>
          <tr>
            {manage && (
              <th className="narrow">
                <input
                  type="checkbox"
                  aria-label="Select all shown"
                  checked={allState === 'all'}
                  ref={(el) => {
                    if (el) el.indeterminate = allState === 'some';
                  }}
                  disabled={selectableIds.length === 0}
                  onChange={() => setSelected((s) => toggleAllVisible(s, selectableIds))}
                  data-testid="member-select-all"
                />
              </th>
            )}
            <th>Name</th><th>Email</th><th>Role</th><th>Status</th><th>Joined</th><th>Last sign-in</th><th>Last annotation</th>{manage && <th></th>}
          </tr>
        </thead>
        <tbody>
          {visible.map((m) => {
            const editable = manage && canEditMember(me?.role, m);
            const self = m.userId === me?.id;
            return (
              <tr key={m.userId} data-testid="member-row" data-user-id={m.userId}>
                {manage && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${m.displayName}`}
                      disabled={!editable}
                      checked={selected.has(m.userId)}
                      onChange={() => setSelected((s) => toggleSelected(s, m.userId))}
                      data-testid="member-select"
                    />
                  </td>
                )}
                <td>{m.displayName}{self && <span className="muted"> (you)</span>}</td>
                <td>{m.email}</td>
                <td data-testid="member-role">{roleLabel(m.role)}</td>
                <td data-testid="member-active">{m.active ? 'Active' : <span className="muted">Deactivated</span>}</td>
                <td>{formatDateTime(m.joinedAt)}</td>
                <td className="muted" data-testid="member-last-login">{m.lastLoginAt ? formatDateTime(m.lastLoginAt) : '—'}</td>
                <td className="muted" data-testid="member-last-annotation">{m.lastAnnotationAt ? formatDateTime(m.lastAnnotationAt) : '—'}</td>
                {manage && (
                  <td className="right">
                    {editable &&
                      (m.active ? (
                        <button className="btn btn-small btn-danger" disabled={busy} onClick={() => void setActive(m, false)} data-testid="member-deactivate">
                          Deactivate
                        </button>
                      ) : (
                        <button className="btn btn-small" disabled={busy} onClick={() => void setActive(m, true)} data-testid="member-reactivate">
                          Reactivate
                        </button>
                      ))}
                  </td>
                )}
              </tr>
            );
          })}
          {!loading && visible.length === 0 && (
            <tr><td colSpan={manage ? 9 : 7} className="empty">{members.length === 0 ? 'No members.' : 'No member matches the filters.'}</td></tr>
          )}
        </tbody>
      </table>

      {manage && <InvitationsList />}
    </div>
  );
}

function InviteForm() {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const roles = assignableRoles(me?.role);
  const [role, setRole] = useState<OrganizationRole>('ANNOTATOR');
  const [days, setDays] = useState('7');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent) {
    e.preventDefault();
    setErrors([]);
    setError(null);
    setLink(null);
    const expiresInDays = parseExpiryDays(days);
    if (expiresInDays === null) {
      setErrors([{ code: 'VALIDATION', field: ['expiresInDays'], message: 'Enter a whole number of days from 1 to 30' }]);
      return;
    }
    setBusy(true);
    try {
      const p = (await request(CreateInvitationMutation, { input: { role, expiresInDays } })).createInvitation;
      if (p.errors.length > 0) setErrors(p.errors);
      else {
        setLink(invitationUrl(p.link, p.token, window.location.origin));
        void queryClient.invalidateQueries({ queryKey: [operationName(InvitationsQuery)] });
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <h2>Invite</h2>
      <form className="form inline-form" onSubmit={create} data-testid="invite-form">
        <label className="narrow-label">
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as OrganizationRole)} data-testid="invite-role">
            {roles.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
          </select>
        </label>
        <label className="narrow-label">
          Expires in (days)
          <input type="number" min={1} max={30} value={days} onChange={(e) => setDays(e.target.value)} data-testid="invite-days" />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="invite-create">Create invitation link</button>
      </form>
      <FieldErrors errors={errorsFor(errors, 'expiresInDays')} testId="invite-days-errors" />
      <ErrorBox errors={otherErrors(errors, ['expiresInDays'])} message={error} testId="invite-errors" />
      {link && (
        <OneTimeSecret value={link} onDone={() => setLink(null)} testId="invite-result" input={{ testId: 'invite-link', copyTestId: 'invite-copy' }}>
          Send this link to the person you invite. Copy it now: it will not be shown again, and it works once.
        </OneTimeSecret>
      )}
    </div>
  );
}

function InvitationsList() {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const invitations = useGraphQLQuery(InvitationsQuery, {});
  return (
    <div>
      <h2>Invitations</h2>
      <ErrorBox message={invitations.error ? errorMessage(invitations.error) : null} testId="invitations-error" />
      <ListAndRevoke
        items={invitations.data?.invitations}
        columns={[
          { header: 'Role', cell: (i) => roleLabel(i.role) },
          { header: 'Status', cell: (i) => invitationStatus(i).toLowerCase() },
          { header: 'Created', cell: (i) => formatDateTime(i.createdAt) },
          { header: 'Expires', cell: (i) => formatDateTime(i.expiresAt) },
          { header: 'Accepted', cell: (i) => (i.acceptedAt ? formatDateTime(i.acceptedAt) : <span className="muted">—</span>) },
        ]}
        empty="No invitations."
        testIds={{ table: 'invitations-table', row: 'invitation-row', revoke: 'invitation-revoke', errors: 'invitations-error' }}
        canRevoke={(i) => invitationStatus(i) === 'OPEN' && canEditMember(me?.role, i)}
        confirm={() => 'Withdraw this invitation? Its link stops working at once.'}
        revoke={async (invitation) => {
          const p = (await request(RevokeInvitationMutation, { input: { invitationId: invitation.id } })).revokeInvitation;
          const changed = p.invitation;
          if (p.errors.length === 0 && changed) {
            updateQuery(queryClient, InvitationsQuery, {}, (d) => ({ invitations: d.invitations.map((i) => (i.id === changed.id ? changed : i)) }));
          }
          return p.errors;
        }}
        revokeLabel="Withdraw"
        danger={false}
        compact
      />
    </div>
  );
}
