// The bulk actions of this issue on the Data Manager's selection (issue 12, ADR 0038): "Export selected" (an export
// job holding exactly the selected tasks, downloaded when ready) and "Label selected" (the label stream among them).
// The export is a generated mutation; its job is a query refetched every second until it ends (TanStack Query, ADR 0040).
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../shared/api/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../shared/api/query';
import type { CreateExportInput, SelectedExportJobFieldsFragment } from '../shared/gql/graphql';
import { userErrorText } from '../shared/lib/errors';
import { exportJobEnded } from '../export/exportJob';
import { saveLabelSelection, selectionInput } from './labelSelection';
import { ExportSelectedMutation, SelectedExportJobQuery } from './operations';
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
  const [started, setStarted] = useState<SelectedExportJobFieldsFragment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useGraphQLMutation(ExportSelectedMutation);
  const followed = useGraphQLQuery(SelectedExportJobQuery, { id: started?.id ?? '' }, {
    enabled: started !== null && !exportJobEnded(started),
    refetchInterval: (query) => (query.state.data?.exportJob && exportJobEnded(query.state.data.exportJob) ? false : POLL_MS),
  });
  const job = followed.data?.exportJob ?? started;
  // another selection: the previous export's link no longer describes it
  const key = selection.mode === 'all' ? `all:${JSON.stringify(filter ?? null)}` : [...selection.ids].sort().join(',');
  useEffect(() => {
    setStarted(null);
    setError(null);
  }, [key]);
  const followError = followed.error ? errorMessage(followed.error) : null;
  const busy = create.isPending;

  async function exportSelected() {
    const input = selectionInput(selection, filter);
    if (!input) return;
    setError(null);
    try {
      // the view's filter as the server takes it (view.ts builds it; the generated input type is its contract)
      const { createExport } = await create.mutateAsync({ input: { projectId, format, selection: input } as CreateExportInput });
      if (createExport.errors.length > 0) setError(createExport.errors.map(userErrorText).join(' '));
      else if (createExport.job) setStarted(createExport.job);
    } catch (e) {
      setError(errorMessage(e));
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
      {(error ?? followError) && <span className="error small" role="alert" data-testid="selection-error">{error ?? followError}</span>}
    </span>
  );
}
