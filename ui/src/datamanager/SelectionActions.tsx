// The bulk actions of this issue on the Data Manager's selection (issue 12, ADR 0038): "Export selected" (an export
// job holding exactly the selected tasks, downloaded when ready) and "Label selected" (the label stream among them).
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, gql } from '../shared/api/graphql';
import { userErrorText } from '../shared/lib/errors';
import { exportJobEnded } from '../export/exportJob';
import { saveLabelSelection, selectionInput } from './labelSelection';
import { ExportSelectedMutation, SelectedExportJobQuery, type SelectedExportJob } from './operations';
import type { Selection } from './selection';
import type { ViewFilter } from './view';

const FORMATS = ['JSON', 'JSON_MIN', 'CSV', 'TSV'] as const;
const POLL_MS = 1000;

export function SelectionActions({ projectId, selection, filter, count }: {
  projectId: string;
  selection: Selection;
  filter: ViewFilter | undefined;
  /** How many are selected (null: not known yet). */
  count: number | null;
}) {
  const navigate = useNavigate();
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('JSON');
  const [job, setJob] = useState<SelectedExportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // another selection: the previous export's link no longer describes it
  const key = selection.mode === 'all' ? `all:${JSON.stringify(filter ?? null)}` : [...selection.ids].sort().join(',');
  useEffect(() => {
    clearTimeout(timer.current);
    setJob(null);
    setError(null);
  }, [key]);

  function follow(id: string) {
    timer.current = setTimeout(() => {
      gql(SelectedExportJobQuery, { id })
        .then((data) => {
          const j = data.exportJob;
          setJob(j);
          if (j && !exportJobEnded(j)) follow(id);
        })
        .catch((e) => setError(errorMessage(e)));
    }, POLL_MS);
  }

  async function exportSelected() {
    const input = selectionInput(selection, filter);
    if (!input) return;
    setBusy(true);
    setError(null);
    try {
      const { createExport } = await gql(ExportSelectedMutation, { input: { projectId, format, selection: input } });
      if (createExport.errors.length > 0) {
        setError(createExport.errors.map(userErrorText).join(' '));
      } else if (createExport.job) {
        setJob(createExport.job);
        follow(createExport.job.id);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function labelSelected() {
    const input = selectionInput(selection, filter);
    if (!input) return;
    saveLabelSelection(sessionStorage, projectId, input, count);
    navigate(`/projects/${projectId}/label?selected=1`);
  }

  return (
    <span className="selection-actions" data-testid="selection-actions">
      <select value={format} onChange={(e) => setFormat(e.target.value as (typeof FORMATS)[number])} aria-label="Export format"
              data-testid="selection-export-format">
        {FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
      </select>{' '}
      <button className="btn btn-small" disabled={busy || (job !== null && !exportJobEnded(job))} onClick={() => void exportSelected()}
              data-testid="selection-export">
        Export selected
      </button>{' '}
      <button className="btn btn-small" onClick={labelSelected} data-testid="selection-label">Label selected</button>{' '}
      {job && (
        <span className="muted small" data-testid="selection-export-status" data-state={job.state}>
          {job.state === 'COMPLETED' && job.downloadUrl ? (
            <a href={job.downloadUrl} download={job.fileName} data-testid="selection-export-download">
              Download {job.writtenTasks} task{job.writtenTasks === 1 ? '' : 's'}
            </a>
          ) : job.state === 'FAILED' ? `The export failed${job.error ? `: ${job.error}` : ''}` : `Exporting ${job.totalTasks} tasks…`}
        </span>
      )}
      {error && <span className="error small" role="alert" data-testid="selection-error">{error}</span>}
    </span>
  );
}
