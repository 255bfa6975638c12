import { useCallback, useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/api/graphql';
import { useQueryClient } from '@tanstack/react-query';
import { operationName, request, useGraphQLQuery } from '../shared/api/query';
import { MembersQuery } from '../members/operations';
import {
  AddWorkspaceMembersMutation,
  ArchiveWorkspaceMutation,
  CreateWorkspaceMutation,
  RemoveWorkspaceMemberMutation,
  RenameWorkspaceMutation,
  WorkspaceQuery,
  WorkspacesQuery,
} from './operations';
import type { UserError } from '../shared/api/types';
import type { WorkspaceFieldsFragment as Workspace } from '../shared/gql/graphql';

/** What every workspace mutation answers. */
interface WorkspacePayload {
  workspace: Workspace | null;
  errors: UserError[];
}
import { ErrorBox } from '../shared/components/Errors';
import { roleLabel } from '../members/members';
import { addableMembers, canAdministerWorkspaces, canManageWorkspaceMembers, setCurrentWorkspace } from './workspaces';
import { useSession } from '../identity/session';

/** Organization settings: workspaces (create, rename, archive) and their members (bulk add, remove). */
export function WorkspacesPage() {
  const { me } = useSession();
  const administer = canAdministerWorkspaces(me?.role);
  const queryClient = useQueryClient();
  const [showArchived, setShowArchived] = useState(false);
  const list = useGraphQLQuery(WorkspacesQuery, { includeArchived: showArchived });
  const workspaces = list.data?.workspaces ?? [];
  const loading = list.isPending;
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [error, setError] = useState<string | null>(null);
  // every list of workspaces (this page's, the switcher's, the pickers') reads again
  const load = useCallback(() => queryClient.invalidateQueries({ queryKey: [operationName(WorkspacesQuery)] }), [queryClient]);

  /** Runs a workspace mutation; on success reloads the list, on refusal shows the errors. */
  async function run(mutation: () => Promise<WorkspacePayload>): Promise<Workspace | null> {
    setErrors([]);
    setError(null);
    try {
      const payload = await mutation();
      if (payload.errors.length > 0) {
        setErrors(payload.errors);
        return null;
      }
      await load();
      return payload.workspace;
    } catch (e) {
      setError(errorMessage(e));
      return null;
    }
  }

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    const created = await run(async () => (await request(CreateWorkspaceMutation, { input: { name } })).createWorkspace);
    if (created) {
      setName('');
      setSelected(created.id);
    }
  }

  async function rename(w: Workspace) {
    const next = window.prompt('New name of the workspace', w.name);
    if (next === null || next.trim() === w.name) return;
    await run(async () => (await request(RenameWorkspaceMutation, { input: { workspaceId: w.id, name: next } })).renameWorkspace);
  }

  async function archive(w: Workspace, archived: boolean) {
    if (archived && !window.confirm(`Archive "${w.name}"? Its projects stay; it takes no new ones.`)) return;
    await run(async () => (await request(ArchiveWorkspaceMutation, { input: { workspaceId: w.id, archived } })).archiveWorkspace);
  }

  return (
    <div>
      <div className="page-head">
        <h1>Workspaces</h1>
        <label className="inline">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="workspaces-show-archived" />
          Show archived
        </label>
      </div>
      {administer && (
        <form className="card form inline-form" onSubmit={onCreate} data-testid="workspace-create-form">
          <label>
            New workspace
            <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="workspace-name" />
          </label>
          <button className="btn btn-primary" type="submit" data-testid="workspace-create">Create workspace</button>
        </form>
      )}
      <ErrorBox errors={errors} message={error ?? (list.error ? errorMessage(list.error) : null)} testId="workspace-errors" />
      <table className="table" data-testid="workspaces-table">
        <thead>
          <tr>
            <th>Name</th>
            <th className="num">Projects</th>
            <th className="num">Members</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {workspaces.map((w) => (
            <tr key={w.id} data-testid="workspace-row" data-workspace-id={w.id} className={selected === w.id ? 'selected' : undefined}>
              <td>
                <button className="link strong" onClick={() => setSelected(w.id)} data-testid="workspace-open">{w.name}</button>
                {w.archived && <span className="badge muted" data-testid="workspace-archived"> archived</span>}
              </td>
              <td className="num">{w.projectCount}</td>
              <td className="num">{w.memberCount}</td>
              <td className="actions">
                <button className="btn btn-small" onClick={() => { setCurrentWorkspace(w.id); }} disabled={w.archived} data-testid="workspace-switch">
                  Switch to
                </button>
                {administer && (
                  <>
                    <button className="btn btn-small" onClick={() => void rename(w)} data-testid="workspace-rename">Rename</button>
                    <button className="btn btn-small" onClick={() => void archive(w, !w.archived)} data-testid="workspace-archive">
                      {w.archived ? 'Restore' : 'Archive'}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
          {!loading && workspaces.length === 0 && (
            <tr>
              <td colSpan={4} className="empty">
                {administer ? 'No workspaces yet. Create one to group projects and the people working on them.' : 'You belong to no workspace.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {selected && <WorkspaceMembers key={selected} workspaceId={selected} onChanged={load} />}
    </div>
  );
}

function WorkspaceMembers({ workspaceId, onChanged }: { workspaceId: string; onChanged: () => Promise<unknown> }) {
  const { me } = useSession();
  const manage = canManageWorkspaceMembers(me?.role);
  const queryClient = useQueryClient();
  const detail = useGraphQLQuery(WorkspaceQuery, { id: workspaceId, people: manage });
  const people = useGraphQLQuery(MembersQuery, { filter: { active: true } }, { enabled: manage });
  const found = detail.data?.workspace;
  const workspace = found ? { ...found, members: found.members ?? [] } : null;
  const org = people.data?.members ?? [];
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const error = failure ?? (detail.error ?? people.error ? errorMessage(detail.error ?? people.error) : null);
  const load = () => queryClient.invalidateQueries({ queryKey: [operationName(WorkspaceQuery), { id: workspaceId }] });

  async function change(mutation: () => Promise<WorkspacePayload>) {
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const payload = await mutation();
      if (payload.errors.length > 0) setErrors(payload.errors);
      else {
        setChosen(new Set());
        await Promise.all([load(), onChanged()]);
      }
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (!workspace) return error ? <ErrorBox message={error} /> : <p className="muted">Loading…</p>;
  const candidates = addableMembers(org, workspace.members);
  const grants = new Map((workspace.memberGrants ?? []).map((g) => [g.userId, g.source]));
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="card" data-testid="workspace-members">
      <h2>Members of {workspace.name}</h2>
      <p className="muted small">Members see and work on the workspace's projects; members who are Managers manage them.</p>
      <table className="table">
        <tbody>
          {workspace.members.map((m) => (
            <tr key={m.userId} data-testid="workspace-member-row" data-user-id={m.userId}>
              <td>
                {m.displayName} <span className="muted small">{m.email}</span>
                {grants.get(m.userId) && (
                  <span className="badge" data-testid="workspace-member-grant" title={grantHint(grants.get(m.userId)!)}>
                    {grantLabel(grants.get(m.userId)!)}
                  </span>
                )}
              </td>
              <td>{roleLabel(m.role)}{!m.active && <span className="muted"> (deactivated)</span>}</td>
              <td className="actions">
                {manage && (
                  <button
                    className="btn btn-small"
                    disabled={busy}
                    data-testid="workspace-member-remove"
                    onClick={() =>
                      void change(async () =>
                        (await request(RemoveWorkspaceMemberMutation, { input: { workspaceId, userId: m.userId } })).removeWorkspaceMember)
                    }
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
          {workspace.members.length === 0 && (
            <tr><td colSpan={3} className="empty">{manage ? 'Nobody yet.' : 'Only Owners, Admins and Managers see who is in a workspace.'}</td></tr>
          )}
        </tbody>
      </table>
      {manage && candidates.length > 0 && (
        <div className="bulk-add" data-testid="workspace-add">
          <h3>Add members</h3>
          <ul className="checklist">
            {candidates.map((m) => (
              <li key={m.userId}>
                <label>
                  <input type="checkbox" checked={chosen.has(m.userId)} onChange={() => toggle(m.userId)} data-testid="workspace-candidate" data-user-id={m.userId} />
                  {m.displayName} <span className="muted small">{roleLabel(m.role)}</span>
                </label>
              </li>
            ))}
          </ul>
          <button
            className="btn btn-primary"
            disabled={busy || chosen.size === 0}
            data-testid="workspace-add-submit"
            onClick={() =>
              void change(async () =>
                (await request(AddWorkspaceMembersMutation, { input: { workspaceId, userIds: [...chosen] } })).addWorkspaceMembers)
            }
          >
            Add {chosen.size > 0 ? chosen.size : ''} selected
          </button>
        </div>
      )}
      <ErrorBox errors={errors} message={error} testId="workspace-member-errors" />
    </section>
  );
}

/** Where an identity provider's membership came from (ADR 0020). */
function grantLabel(source: string): string {
  return source === 'SCIM' ? 'via SCIM group' : source === 'SAML' ? 'via SSO' : `via ${source}`;
}

function grantHint(source: string): string {
  return source === 'SCIM'
    ? 'Granted by a group of your identity provider; it ends when no group grants it any more'
    : 'Added at single sign-on by an attribute mapping; single sign-on never removes it';
}
