import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage, gql } from '../api/graphql';
import { CreateProjectMutation, ProjectsQuery } from '../api/operations';
import type { PageInfo, ProjectSummary, UserError } from '../api/types';
import { ErrorBox, FieldErrors } from '../components/Errors';
import { errorsFor, formatDateTime, otherErrors } from '../lib/format';

export const TEXT_CLASSIFICATION_TEMPLATE =
  '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text" choice="single">' +
  '<Choice value="Positive"/><Choice value="Negative"/><Choice value="Neutral"/></Choices></View>';

export function ProjectsPage() {
  const [projects, setProjects] = useState<ProjectSummary[]>([]);
  const [pageInfo, setPageInfo] = useState<PageInfo | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [showForm, setShowForm] = useState(false);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const data = await gql(ProjectsQuery, { first: 50, after });
      const nodes = data.projects.edges.map((e) => e.node);
      setProjects((prev) => (after ? [...prev, ...nodes] : nodes));
      setPageInfo(data.projects.pageInfo);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <div>
      <div className="page-head">
        <h1>Projects</h1>
        <button className="btn btn-primary" onClick={() => setShowForm((s) => !s)} data-testid="new-project">
          {showForm ? 'Close' : 'Create project'}
        </button>
      </div>
      {showForm && <CreateProjectForm />}
      <ErrorBox message={error} />
      <table className="table" data-testid="projects-table">
        <thead>
          <tr>
            <th>Title</th>
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
              <td className="num">{p.taskCount}</td>
              <td className="num">{p.completedCount}</td>
              <td className="num">{p.annotationCount}</td>
              <td className="muted">{formatDateTime(p.createdAt)}</td>
            </tr>
          ))}
          {!loading && projects.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">No projects yet. Create one to start labeling.</td>
            </tr>
          )}
        </tbody>
      </table>
      {loading && <p className="muted">Loading…</p>}
      {pageInfo?.hasNextPage && !loading && (
        <button className="btn" onClick={() => void load(pageInfo.endCursor)}>Load more</button>
      )}
    </div>
  );
}

function CreateProjectForm() {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [labelConfig, setLabelConfig] = useState(TEXT_CLASSIFICATION_TEMPLATE);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setRequestError(null);
    try {
      const data = await gql(CreateProjectMutation, { input: { title, description, labelConfig } });
      const payload = data.createProject;
      if (payload.errors.length > 0 || !payload.project) {
        setErrors(payload.errors);
      } else {
        navigate(`/projects/${payload.project.id}`);
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const fields = ['title', 'description', 'labelConfig'];
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
