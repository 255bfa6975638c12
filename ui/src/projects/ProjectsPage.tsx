import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../shared/api/graphql';
import { operationName, request, useGraphQLMutation, useGraphQLQuery } from '../shared/api/query';
import type { UserError } from '../shared/api/types';
import type { WorkspaceFieldsFragment as Workspace } from '../shared/gql/graphql';
import { WorkspacesQuery } from '../organization/operations';
import { CreateProjectMutation, ProjectsQuery } from './operations';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, formatDateTime, otherErrors } from '../shared/lib/format';
import { canManageProjects } from '../members/members';
import { effectiveWorkspace, useCurrentWorkspace } from '../organization/workspaces';
import { useSession } from '../identity/session';

export const TEXT_CLASSIFICATION_TEMPLATE =
  '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text" choice="single">' +
  '<Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/></Choices></View>';

export function ProjectsPage() {
  const selected = useCurrentWorkspace();
  const { me } = useSession();
  // Annotators and Reviewers cannot create projects: no form that can only fail
  const mayCreate = canManageProjects(me?.role);
  const [showForm, setShowForm] = useState(false);
  // the projects wait for the workspaces (which one is shown depends on them); without them, every project
  const spaces = useGraphQLQuery(WorkspacesQuery, { includeArchived: false });
  const workspaces = spaces.data?.workspaces ?? (spaces.isError ? [] : null);
  const workspace = workspaces ? effectiveWorkspace(selected, workspaces) : undefined;
  const workspaceName = workspaces?.find((w) => w.id === workspace)?.name;

  const list = useInfiniteQuery({
    queryKey: [operationName(ProjectsQuery), { workspaceId: workspace ?? null }],
    queryFn: ({ pageParam, signal }) => request(ProjectsQuery, { first: 50, after: pageParam, workspaceId: workspace ?? null }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.projects.pageInfo.hasNextPage ? last.projects.pageInfo.endCursor : undefined),
    enabled: workspace !== undefined,
  });
  const projects = list.data?.pages.flatMap((page) => page.projects.edges.map((e) => e.node)) ?? [];
  const loading = list.isPending || list.isFetching;
  const error = list.error ? errorMessage(list.error) : null;

  return (
    <div>
      <div className="page-head">
        <h1>Projects{workspaceName && <span className="muted" data-testid="projects-workspace"> · {workspaceName}</span>}</h1>
        {mayCreate && (
          <button className="btn btn-primary" onClick={() => setShowForm((s) => !s)} data-testid="new-project">
            {showForm ? 'Close' : 'Create project'}
          </button>
        )}
      </div>
      {mayCreate && showForm && <CreateProjectForm workspaces={workspaces ?? []} initialWorkspace={workspace ?? null} />}
      <ErrorBox message={error} />
      <table className="table" data-testid="projects-table">
        <thead>
          <tr>
            <th>Title</th>
            <th>Workspace</th>
            <th className="num">Tasks</th>
            <th className="num">Completed</th>
            <th className="num">Annotations</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} data-testid="project-row">
              <td>
                <Link to={`/projects/${p.id}`} className="strong">{p.title}</Link>
                {p.description && <div className="muted small">{p.description}</div>}
              </td>
              <td className="muted" data-testid="project-workspace">{p.workspace?.name ?? '—'}</td>
              <td className="num">{p.taskCount}</td>
              <td className="num">{p.completedCount}</td>
              <td className="num">{p.annotationCount}</td>
              <td className="muted">{formatDateTime(p.createdAt)}</td>
            </tr>
          ))}
          {!loading && projects.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                {workspaceName ? `No projects in ${workspaceName} yet.` : 'No projects yet. Create one to start labeling.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {loading && <p className="muted">Loading…</p>}
      {list.hasNextPage && !loading && (
        <button className="btn" onClick={() => void list.fetchNextPage()}>Load more</button>
      )}
    </div>
  );
}

function CreateProjectForm({ workspaces, initialWorkspace }: { workspaces: Workspace[]; initialWorkspace: string | null }) {
  const navigate = useNavigate();
  const [workspaceId, setWorkspaceId] = useState<string>(initialWorkspace ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [labelConfig, setLabelConfig] = useState(TEXT_CLASSIFICATION_TEMPLATE);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const create = useGraphQLMutation(CreateProjectMutation);
  const busy = create.isPending;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setErrors([]);
    setRequestError(null);
    try {
      const payload = (await create.mutateAsync({ input: { title, description, labelConfig, workspaceId: workspaceId || null } })).createProject;
      if (payload.errors.length > 0 || !payload.project) {
        setErrors(payload.errors);
      } else {
        // the lists that count projects: the projects pages and the workspaces' project counts
        void queryClient.invalidateQueries({ queryKey: [operationName(ProjectsQuery)] });
        void queryClient.invalidateQueries({ queryKey: [operationName(WorkspacesQuery)] });
        navigate(`/projects/${payload.project.id}`);
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    }
  }

  const fields = ['title', 'description', 'labelConfig', 'workspaceId'];
  return (
    <form className="card form" onSubmit={onSubmit} data-testid="create-project-form">
      <h2>New project</h2>
      <label>
        Title
        <input required value={title} onChange={(e) => setTitle(e.target.value)} data-testid="project-title" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'title')} testId="project-title-errors" />
      <label>
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} data-testid="project-description" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'description')} />
      {workspaces.length > 0 && (
        <label>
          Workspace
          <select value={workspaceId} onChange={(e) => setWorkspaceId(e.target.value)} data-testid="project-workspace-select">
            <option value="">No workspace</option>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>{w.name}</option>
            ))}
          </select>
        </label>
      )}
      <FieldErrors errors={errorsFor(errors, 'workspaceId')} testId="project-workspace-errors" />
      <label>
        Labeling config (Label Studio XML)
        <textarea className="code" rows={8} value={labelConfig} onChange={(e) => setLabelConfig(e.target.value)} data-testid="project-label-config" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'labelConfig')} testId="project-label-config-errors" />
      <ErrorBox errors={otherErrors(errors, fields)} message={requestError} />
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="create-project-submit">
          {busy ? 'Creating…' : 'Create project'}
        </button>
      </div>
    </form>
  );
}
