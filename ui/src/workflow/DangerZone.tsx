// The Settings' danger zone (issue 11, ADR 0042): delete every task (a bulk job over all tasks), drop every saved Data
// Manager tab, delete the project (its title typed again; it disappears for everyone, the audit log keeps who did it).
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../shared/api/graphql';
import type { UserError } from '../shared/api/types';
import { ErrorBox, FieldErrors } from '../shared/components/Errors';
import { request } from '../shared/api/query';
import { jobSummary, runBulkJob, type BulkTaskJob } from './bulk';
import { BulkTaskActionMutation, DeleteProjectMutation, DropDataManagerTabsMutation } from './operations';

export function DangerZone({ projectId, title, taskCount, onChanged }: { projectId: string; title: string; taskCount: number; onChanged: () => void }) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<'' | 'tasks' | 'tabs'>('');
  const [typed, setTyped] = useState('');
  const [job, setJob] = useState<BulkTaskJob | null>(null);
  const [dropped, setDropped] = useState<number | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [requestError, setRequestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(run: () => Promise<UserError[]>) {
    setBusy(true);
    setErrors([]);
    setRequestError(null);
    try {
      setErrors(await run());
    } catch (e) {
      setRequestError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirming('');
    }
  }

  const deleteTasks = () => act(async () => {
    const outcome = await runBulkJob(async () => (await request(BulkTaskActionMutation, {
      input: { projectId, selection: { filter: {} }, action: 'DELETE' },
    })).bulkTaskAction, setJob);
    if (outcome.errors.length === 0) onChanged();
    return outcome.errors;
  });
  const dropTabs = () => act(async () => {
    const payload = (await request(DropDataManagerTabsMutation, { input: { projectId } })).dropDataManagerTabs;
    if (payload.errors.length === 0) setDropped(payload.dropped);
    return payload.errors;
  });
  const deleteProject = () => act(async () => {
    const payload = (await request(DeleteProjectMutation, { input: { projectId, title: typed } })).deleteProject;
    if (payload.deleted) navigate('/projects');
    return payload.errors;
  });

  return (
    <div className="card form danger-zone" id="settings-danger" data-testid="settings-section-danger">
      <h2>Danger zone</h2>
      <div className="danger-row">
        <p><strong>Delete every task</strong> of this project ({taskCount}), with their annotations. Their history stays in the audit log.</p>
        {confirming === 'tasks' ? (
          <button className="btn btn-danger" disabled={busy} onClick={() => void deleteTasks()} data-testid="danger-delete-tasks-confirm">
            Yes, delete {taskCount} task{taskCount === 1 ? '' : 's'}
          </button>
        ) : (
          <button className="btn" disabled={busy || taskCount === 0} onClick={() => setConfirming('tasks')} data-testid="danger-delete-tasks">Delete tasks…</button>
        )}
        {job && <p className="small" role="status" data-testid="danger-delete-tasks-progress">{jobSummary(job)}</p>}
      </div>
      <div className="danger-row">
        <p><strong>Drop every saved tab</strong> of the Data Manager, everyone's.</p>
        {confirming === 'tabs' ? (
          <button className="btn btn-danger" disabled={busy} onClick={() => void dropTabs()} data-testid="danger-drop-tabs-confirm">Yes, drop them</button>
        ) : (
          <button className="btn" disabled={busy} onClick={() => setConfirming('tabs')} data-testid="danger-drop-tabs">Drop tabs…</button>
        )}
        {dropped !== null && <p className="small" role="status" data-testid="danger-tabs-dropped">{dropped} tab{dropped === 1 ? '' : 's'} dropped.</p>}
      </div>
      <div className="danger-row">
        <p><strong>Delete this project</strong> for everyone. Type its title, <code>{title}</code>, to confirm.</p>
        <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Project title" data-testid="danger-project-title" />
        <button className="btn btn-danger" disabled={busy || typed.trim() !== title} onClick={() => void deleteProject()} data-testid="danger-delete-project">
          Delete project
        </button>
        <FieldErrors errors={errors.filter((e) => e.field?.[0] === 'title')} testId="danger-title-errors" />
      </div>
      <ErrorBox errors={errors.filter((e) => e.field?.[0] !== 'title')} message={requestError} testId="danger-errors" />
    </div>
  );
}
