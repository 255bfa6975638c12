import { useMemo, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../shared/api/graphql';
import { request, updateQuery, useGraphQLQuery } from '../shared/api/query';
import { PROJECT_ROLES, type ProjectDetail, type ProjectRole, type UserError } from '../shared/api/types';
import type { ProjectMemberFieldsFragment as ProjectMember } from '../shared/gql/graphql';
import { AddProjectMemberMutation, ChangeProjectRoleMutation, MembersQuery, ProjectMembersQuery, RemoveProjectMemberMutation } from './operations';

/** What the project-member mutations answer: the project's members after the change. */
interface ProjectMemberPayload {
  members: ProjectMember[];
  errors: UserError[];
}
import { ErrorBox } from '../shared/components/Errors';
import { canListMembers, canListProjectMembers, canManageProjectMembers, projectCandidates, roleLabel } from './members';
import { useSession } from '../identity/session';

/** People working on the project with their project role; Owners, Admins and the project's Managers manage them. */
export function ProjectMembersTab({ project }: { project: ProjectDetail }) {
  const { me } = useSession();
  const manage = canManageProjectMembers(me?.role);
  const queryClient = useQueryClient();
  const onProject = useGraphQLQuery(ProjectMembersQuery, { projectId: project.id }, { enabled: canListProjectMembers(me?.role) });
  const inOrganization = useGraphQLQuery(MembersQuery, { filter: { active: true } }, { enabled: canListMembers(me?.role) && manage });
  const list = useMemo(() => onProject.data?.projectMembers ?? [], [onProject.data]);
  const orgMembers = useMemo(() => inOrganization.data?.members ?? [], [inOrganization.data]);
  const loading = onProject.isPending;
  const [failure, setFailure] = useState<string | null>(null);
  const loadError = onProject.error ?? inOrganization.error;
  const error = failure ?? (loadError ? errorMessage(loadError) : null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<ProjectRole>('ANNOTATOR');

  const candidates = useMemo(() => projectCandidates(orgMembers, list), [orgMembers, list]);

  if (!canListProjectMembers(me?.role)) {
    return <p className="muted" data-testid="project-members-forbidden">Annotators do not see the project's member list.</p>;
  }

  async function send(run: () => Promise<ProjectMemberPayload>): Promise<boolean> {
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const p = await run();
      if (p.errors.length > 0) {
        setErrors(p.errors);
        return false;
      }
      updateQuery(queryClient, ProjectMembersQuery, { projectId: project.id }, () => ({ projectMembers: p.members }));
      return true;
    } catch (e) {
      setFailure(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!userId) return;
    const ok = await send(async () => (await request(AddProjectMemberMutation, { input: { projectId: project.id, userId, role } })).addProjectMember);
    if (ok) setUserId('');
  }

  const changeRole = (m: ProjectMember, next: ProjectRole) =>
    send(async () => (await request(ChangeProjectRoleMutation, { input: { projectId: project.id, userId: m.userId, role: next } })).changeProjectRole);

  async function remove(m: ProjectMember) {
    if (!window.confirm(`Remove ${m.displayName} from this project?`)) return;
    await send(async () => (await request(RemoveProjectMemberMutation, { input: { projectId: project.id, userId: m.userId } })).removeProjectMember);
  }

  return (
    <div data-testid="project-members">
      {manage && (
        <form className="card form inline-form" onSubmit={add} data-testid="project-member-form">
          <label>
            Organization member
            <select value={userId} onChange={(e) => setUserId(e.target.value)} data-testid="project-member-user">
              <option value="">{candidates.length === 0 ? 'Nobody left to add' : 'Choose a member…'}</option>
              {candidates.map((m) => (
                <option key={m.userId} value={m.userId}>{m.displayName} · {m.email}</option>
              ))}
            </select>
          </label>
          <label className="narrow-label">
            Project role
            <select value={role} onChange={(e) => setRole(e.target.value as ProjectRole)} data-testid="project-member-role">
              {PROJECT_ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
            </select>
          </label>
          <button className="btn btn-primary" type="submit" disabled={busy || !userId} data-testid="project-member-add">Add to project</button>
        </form>
      )}
      <ErrorBox errors={errors} message={error} testId="project-member-errors" />
      <table className="table" data-testid="project-members-table">
        <thead>
          <tr><th>Name</th><th>Project role</th>{manage && <th></th>}</tr>
        </thead>
        <tbody>
          {list.map((m) => (
            <tr key={m.userId} data-testid="project-member-row" data-user-id={m.userId}>
              <td>
                {m.displayName}{m.userId === me?.id && <span className="muted"> (you)</span>}
                {m.grantSource === 'SCIM' && (
                  <span
                    className="badge"
                    data-testid="project-member-grant"
                    title="A SCIM group of your identity provider grants this membership and its role; it ends when no group grants it. Changing the role here keeps the person for good."
                  >
                    via SCIM group
                  </span>
                )}
              </td>
              <td>
                {manage ? (
                  <select
                    value={m.role}
                    disabled={busy}
                    aria-label={`Project role of ${m.displayName}`}
                    onChange={(e) => void changeRole(m, e.target.value as ProjectRole)}
                    data-testid="project-member-row-role"
                  >
                    {PROJECT_ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
                  </select>
                ) : (
                  roleLabel(m.role)
                )}
              </td>
              {manage && (
                <td className="right">
                  <button className="btn btn-small btn-danger" disabled={busy} onClick={() => void remove(m)} data-testid="project-member-remove">Remove</button>
                </td>
              )}
            </tr>
          ))}
          {!loading && list.length === 0 && <tr><td colSpan={manage ? 3 : 2} className="empty">Nobody is on this project yet.</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
