import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../shared/api/graphql';
import { operationName, useGraphQLMutation, useGraphQLQuery } from '../shared/api/query';
import type { ProjectDetail } from '../shared/api/types';
import { ErrorBox } from '../shared/components/Errors';
import { EXPORT_FORMAT_LABELS, SPREADSHEET_FORMATS, exportFormatsFor, type ExportFormat } from './exportUrl';
import { exportJobEnded, exportJobPercent, localInputToInstant } from './exportJob';
import { CreateExportMutation, ExportAnnotatorsQuery, ExportJobsQuery } from './operations';
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
  const [refusal, setRefusal] = useState<string | null>(null);
  const queryClient = useQueryClient();

  // read again every POLL_MS while an export is queued or running
  const jobsQuery = useGraphQLQuery(ExportJobsQuery, { projectId: project.id }, {
    refetchInterval: (query) => (query.state.data?.exportJobs.some((j) => !exportJobEnded(j)) ? POLL_MS : false),
  });
  const jobs = jobsQuery.data?.exportJobs ?? [];
  // the annotator picker; a Manager may not list members, then the filter is simply not offered
  const members = useGraphQLQuery(ExportAnnotatorsQuery, {}).data?.members ?? [];
  const createExport = useGraphQLMutation(CreateExportMutation);
  const busy = createExport.isPending;
  const error = refusal ?? (createExport.error ? errorMessage(createExport.error) : null)
    ?? (jobsQuery.error ? errorMessage(jobsQuery.error) : null);

  function create(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    const filters = { onlyCompleted, onlyGroundTruth, userIds, asOf: localInputToInstant(asOf) };
    createExport.mutate(
      // rawValues only when asked and only for CSV/TSV (the server's default neutralizes formulas)
      { input: { projectId: project.id, format, filters, ...(rawValues && SPREADSHEET_FORMATS.includes(format) ? { rawValues: true } : {}) } },
      {
        onSuccess: async ({ createExport: payload }) => {
          if (payload.errors.length > 0) setRefusal(userErrorsText(payload.errors));
          else await queryClient.invalidateQueries({ queryKey: [operationName(ExportJobsQuery), { projectId: project.id }] });
        },
      },
    );
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
