import { useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/api/graphql';
import type { ProjectDetail, UserError } from '../shared/api/types';
import { useQueryClient } from '@tanstack/react-query';
import { operationName, request, useGraphQLQuery } from '../shared/api/query';
import { WorkspacesQuery } from '../organization/operations';
import { ChangeMediaProxyMutation, MoveProjectMutation, UpdateProjectMutation } from './operations';
import { canManageWorkspaceMembers } from '../organization/workspaces';
import { useSession } from '../identity/session';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { errorsFor, otherErrors } from '../shared/lib/format';
import { WORKFLOW_SECTIONS, WorkflowSettings } from '../workflow/WorkflowSettings';
import { DangerZone } from '../workflow/DangerZone';
import { QualitySettings } from '../quality/QualitySettings';

export function SettingsTab({ project, onSaved }: { project: ProjectDetail; onSaved: (p: ProjectDetail) => void }) {
  const [title, setTitle] = useState(project.title);
  const [description, setDescription] = useState(project.description);
  const [labelConfig, setLabelConfig] = useState(project.labelConfig);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setRequestError(null);
    setSaved(false);
    try {
      const data = await request(UpdateProjectMutation, { input: { projectId: project.id, title, description, labelConfig } });
      const payload = data.updateProject;
      if (payload.errors.length > 0) setErrors(payload.errors);
      else if (payload.project) {
        onSaved(payload.project);
        setSaved(true);
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const fields = ['title', 'description', 'labelConfig'];
  return (
    <>
    <nav className="project-settings-nav" data-testid="settings-nav">
      <a href="#settings-details">Details</a>
      {WORKFLOW_SECTIONS.map(([key, title]) => <a key={key} href={`#settings-${key}`}>{title}</a>)}
      <a href="#settings-quality">Quality</a>
      <a href="#settings-media">Media</a>
      <a href="#settings-danger">Danger zone</a>
    </nav>
    <form className="card form" id="settings-details" onSubmit={onSubmit} data-testid="settings-form">
      <h2>Settings</h2>
      <label>
        Title
        <input required value={title} onChange={(e) => setTitle(e.target.value)} data-testid="settings-title" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'title')} />
      <label>
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} data-testid="settings-description" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'description')} />
      <label>
        Labeling config (Label Studio XML) <span className="muted small">version {project.labelConfigVersion}</span>
        <textarea className="code" rows={12} value={labelConfig} onChange={(e) => setLabelConfig(e.target.value)} data-testid="settings-label-config" />
      </label>
      <FieldErrors errors={errorsFor(errors, 'labelConfig')} testId="settings-label-config-errors" />
      <ErrorBox errors={otherErrors(errors, fields)} message={requestError} />
      {saved && <p className="ok" data-testid="settings-saved">Saved.</p>}
      <div className="actions">
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="settings-save">
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
    <WorkflowSettings projectId={project.id} />
    <QualitySettings project={project} />
    <MediaProxySetting project={project} onChanged={onSaved} />
    <ProjectWorkspace project={project} onMoved={onSaved} />
    <DangerZone projectId={project.id} title={project.title} taskCount={project.taskCount} onChanged={() => onSaved({ ...project, taskCount: 0 })} />
    </>
  );
}

/** Which workspace the project is in; Owners, Admins and Managers (between their workspaces) move it. */
export function ProjectWorkspace({ project, onMoved }: { project: ProjectDetail; onMoved: (p: ProjectDetail) => void }) {
  const { me } = useSession();
  const [target, setTarget] = useState(project.workspace?.id ?? '');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [moved, setMoved] = useState(false);
  const manage = canManageWorkspaceMembers(me?.role);
  const queryClient = useQueryClient();
  const spaces = useGraphQLQuery(WorkspacesQuery, { includeArchived: false }, { enabled: manage });
  const workspaces = spaces.data?.workspaces ?? [];

  if (!manage) return null;
  async function move(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setRequestError(null);
    setMoved(false);
    try {
      const payload = (await request(MoveProjectMutation, { input: { projectId: project.id, workspaceId: target || null } })).moveProject;
      if (payload.errors.length > 0) setErrors(payload.errors);
      else if (payload.project) {
        onMoved(payload.project);
        setMoved(true);
        // the workspaces' project counts changed, and so did the projects lists
        void queryClient.invalidateQueries({ queryKey: [operationName(WorkspacesQuery)] });
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form inline-form" onSubmit={move} data-testid="project-workspace-form">
      <h2>Workspace</h2>
      <label>
        Workspace
        <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="project-move-target">
          <option value="">No workspace</option>
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>{w.name}</option>
          ))}
        </select>
      </label>
      <button className="btn" type="submit" disabled={busy || target === (project.workspace?.id ?? '')} data-testid="project-move">
        Move
      </button>
      {moved && <p className="ok" data-testid="project-moved">Moved.</p>}
      <ErrorBox errors={errors} message={requestError ?? (spaces.error ? errorMessage(spaces.error) : null)} testId="project-move-errors" />
    </form>
  );
}

/**
 * Whether the server may fetch the URLs in task data (storage proxy, ADR 0019). Off by default; when on, the labeling
 * page shows task images through /api/projects/{id}/media, which refuses private and internal addresses.
 */
export function MediaProxySetting({ project, onChanged }: { project: ProjectDetail; onChanged: (p: ProjectDetail) => void }) {
  const [allowed, setAllowed] = useState(project.mediaProxy);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(next: boolean) {
    setBusy(true);
    setErrors([]);
    setRequestError(null);
    try {
      const payload = (await request(ChangeMediaProxyMutation, { input: { projectId: project.id, allowed: next } })).changeMediaProxy;
      if (payload.errors.length > 0) setErrors(payload.errors);
      else if (payload.project) {
        setAllowed(payload.project.mediaProxy);
        onChanged(payload.project);
      }
    } catch (err) {
      setRequestError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card form" id="settings-media" data-testid="media-proxy-form">
      <h2>Media</h2>
      <label className="checkbox">
        <input type="checkbox" checked={allowed} disabled={busy} onChange={(e) => change(e.target.checked)} data-testid="media-proxy" />
        Let the server fetch the URLs in task data (storage proxy)
      </label>
      <p className="muted small">
        Off: browsers load task media directly. On: media is fetched by the server from public addresses only (never
        private, loopback or link-local ones).
      </p>
      <ErrorBox errors={errors} message={requestError} testId="media-proxy-errors" />
    </div>
  );
}
