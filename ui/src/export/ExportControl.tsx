import { useState } from 'react';
import type { ProjectDetail } from '../shared/api/types';
import { EXPORT_FORMAT_LABELS, SPREADSHEET_FORMATS, exportFormatsFor, exportUrl, mayExport, type ExportFormat } from './exportUrl';
import { useSession } from '../identity/session';
import { ExportJobs } from './ExportJobs';

// A plain same-origin link with `download`: the browser streams the file to disk with the session cookie, nothing is
// held in memory. Not fetch-checked first: every request to the endpoint records a ProjectExported event and streams
// the data, so a "check" would be a second export. Roles the server refuses (403) get a disabled control instead,
// and an unknown project never reaches this page (ProjectPage shows "Project not found").
export function ExportControl({ project }: { project: ProjectDetail }) {
  const { me } = useSession();
  const [format, setFormat] = useState<ExportFormat>('JSON');
  const [onlyCompleted, setOnlyCompleted] = useState(false);
  const [onlyGroundTruth, setOnlyGroundTruth] = useState(false);
  const [rawValues, setRawValues] = useState(false);
  const allowed = mayExport(me?.role);
  const count = onlyCompleted ? project.completedCount : project.taskCount;

  return (
    <div className="export-control" data-testid="export-control">
      <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} disabled={!allowed} aria-label="Export format" data-testid="export-format">
        {exportFormatsFor(project).map((f) => (
          <option key={f} value={f}>{EXPORT_FORMAT_LABELS[f]}</option>
        ))}
      </select>
      <label className="inline">
        <input type="checkbox" checked={onlyCompleted} onChange={(e) => setOnlyCompleted(e.target.checked)} disabled={!allowed} data-testid="export-only-completed" />
        Only completed
      </label>
      <label className="inline">
        <input type="checkbox" checked={onlyGroundTruth} onChange={(e) => setOnlyGroundTruth(e.target.checked)} disabled={!allowed} data-testid="export-only-ground-truth" />
        Only ground truth
      </label>
      {SPREADSHEET_FORMATS.includes(format) && (
        <label className="inline" title="Cells starting with = + - @ are prefixed with ' so that spreadsheets do not run them as formulas, unless you keep them raw.">
          <input type="checkbox" checked={rawValues} onChange={(e) => setRawValues(e.target.checked)} disabled={!allowed} data-testid="export-raw-values" />
          Keep formulas (raw values)
        </label>
      )}
      {allowed ? (
        <a
          className="btn btn-primary"
          href={exportUrl(project.id, format, onlyCompleted, onlyGroundTruth, rawValues)}
          download
          title={onlyGroundTruth ? 'Download the tasks that have a ground-truth annotation' : `Download ${count} task${count === 1 ? '' : 's'}`}
          data-testid="export-link"
        >
          Export
        </a>
      ) : (
        <>
          <button type="button" className="btn" disabled data-testid="export-link">Export</button>
          <span className="muted small" data-testid="export-forbidden">Only owners, admins and managers can export.</span>
        </>
      )}
      {allowed && <ExportJobs project={project} />}
    </div>
  );
}
