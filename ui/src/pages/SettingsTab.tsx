import { useState, type FormEvent } from 'react';
import { errorMessage, gql } from '../api/graphql';
import { UpdateProjectMutation } from '../api/operations';
import type { ProjectDetail, UserError } from '../api/types';
import { ErrorBox, FieldErrors } from '../components/Errors';
import { errorsFor, otherErrors } from '../lib/format';

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
      const data = await gql(UpdateProjectMutation, { input: { projectId: project.id, title, description, labelConfig } });
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
    <form className="card form" onSubmit={onSubmit} data-testid="settings-form">
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
  );
}
