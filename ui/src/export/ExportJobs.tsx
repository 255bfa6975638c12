import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorMessage, gql } from '../shared/api/graphql';
import { CreateExportMutation, ExportJobsQuery, MembersQuery } from '../shared/api/operations';
import type { ExportJob, Member, ProjectDetail } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { EXPORT_FORMAT_LABELS, SPREADSHEET_FORMATS, exportFormatsFor, type ExportFormat } from './exportUrl';
import { exportJobEnded, exportJobPercent, localInputToInstant } from './exportJob';
import { userErrorsText } from '../shared/lib/errors';
import { formatDateTime } from '../shared/lib/format';
import { formatBytes } from '../import/importFile';

/** How often the list is read again while an export is queued or running. */
export const POLL_MS = 2000;

// "Create export": the server builds a snapshot file in the background (ADR 0018); the list shows each export's
// state, progress and size, and links the finished file. Filters: only completed tasks, only ground truth (ADR 0022),
// annotations of some users, the project as of an instant.
export function ExportJobs({ project }: { project: ProjectDetail }) {
  const [format, setFormat] = useState<ExportFormat>('JSON');
  const [onlyCompleted, setOnlyCompleted] = useState(false);
  const [onlyGroundTruth, setOnlyGroundTruth] = useState(false);
  const [rawValues, setRawValues] = useState(false);
  const [userIds, setUserIds] = useState<string[]>([]);
  const [asOf, setAsOf] = useState('');
  const [members, setMembers] = useState<Member[]>([]);
  const [jobs, setJobs] = useState<ExportJob[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setJobs((await gql(ExportJobsQuery, { projectId: project.id })).exportJobs);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [project.id]);

  useEffect(() => {
    void reload();
    // the annotator picker; a Manager may not list members, then the filter is simply not offered
    gql(MembersQuery, { filter: null }).then((d) => setMembers(d.members), () => setMembers([]));
  }, [reload]);

  const running = jobs.some((j) => !exportJobEnded(j));
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const filters = { onlyCompleted, onlyGroundTruth, userIds, asOf: localInputToInstant(asOf) };
      const { createExport } = await gql(CreateExportMutation, {
        // rawValues only when asked and only for CSV/TSV (the server's default neutralizes formulas)
        input: { projectId: project.id, format, filters, ...(rawValues && SPREADSHEET_FORMATS.includes(format) ? { rawValues: true } : {}) },
      });
      if (createExport.errors.length > 0) setError(userErrorsText(createExport.errors));
      else await reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="export-jobs" data-testid="export-jobs">
      <h3>Snapshot exports</h3>
      <form onSubmit={create} className="inline-form">
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} aria-label="Snapshot format" data-testid="export-job-format">
          {exportFormatsFor(project).map((f) => (
            <option key={f} value={f}>{EXPORT_FORMAT_LABELS[f]}</option>
          ))}
        </select>
        <label className="inline">
          <input type="checkbox" checked={onlyCompleted} onChange={(e) => setOnlyCompleted(e.target.checked)} data-testid="export-job-only-completed" />
          Only completed
        </label>
        <label className="inline">
          <input type="checkbox" checked={onlyGroundTruth} onChange={(e) => setOnlyGroundTruth(e.target.checked)} data-testid="export-job-only-ground-truth" />
          Only ground truth
        </label>
        {SPREADSHEET_FORMATS.includes(format) && (
          <label className="inline" title="Cells starting with = + - @ are prefixed with ' so that spreadsheets do not run them as formulas, unless you keep them raw.">
            <input type="checkbox" checked={rawValues} onChange={(e) => setRawValues(e.target.checked)} data-testid="export-job-raw-values" />
            Keep formulas (raw values)
          </label>
        )}
        {members.length > 0 && (
          <label className="inline">
            Annotations by
            <select multiple value={userIds} aria-label="Annotations by" data-testid="export-job-users"
                    onChange={(e) => setUserIds(Array.from(e.target.selectedOptions, (o) => o.value))}>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>{m.displayName}</option>
              ))}
            </select>
          </label>
        )}
        <label className="inline">
          As of
          <input type="datetime-local" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="export-job-as-of" />
        </label>
        <button type="submit" className="btn" disabled={busy} data-testid="export-job-create">Create export</button>
      </form>
      {error && <ErrorBox message={error} />}
      <table className="table small" data-testid="export-job-list">
        <thead>
          <tr><th>Created</th><th>Format</th><th>State</th><th>Progress</th><th>Size</th><th /></tr>
        </thead>
        <tbody>
          {jobs.map((j) => {
            const percent = exportJobPercent(j);
            return (
              <tr key={j.id} data-testid={`export-job-${j.id}`}>
                <td>{formatDateTime(j.createdAt)}</td>
                <td>{j.format}</td>
                <td title={j.error ?? undefined}>{j.state}</td>
                <td>
                  {percent !== null && <progress max={100} value={percent} />} {j.writtenTasks} / {j.totalTasks} tasks
                </td>
                <td>{j.fileBytes != null ? formatBytes(j.fileBytes) : ''}</td>
                <td>{j.downloadUrl && <a href={j.downloadUrl} download={j.fileName} data-testid="export-job-download">Download</a>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
