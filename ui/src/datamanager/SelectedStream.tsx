// "Label the selected" on the labeling page (issue 12, ADR 0038): with ?selected=1 and a selection handed over by the
// Data Manager for this tab's session, the next task comes from the label stream among the selected tasks only.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { gql } from '../shared/api/graphql';
import { TaskQuery } from '../shared/api/operations';
import type { TaskDetail } from '../shared/api/types';
import { clearLabelSelection, readLabelSelection } from './labelSelection';
import { SelectedLabelStreamQuery, type SelectionInput } from './operations';

/** The selection this labeling session works through; null: the whole project. */
export function useLabelSelection(projectId: string): { input: SelectionInput; count: number | null } | null {
  const [params] = useSearchParams();
  const on = params.get('selected') === '1';
  return useMemo(() => (on ? readLabelSelection(sessionStorage, projectId) : null), [on, projectId]);
}

/** The next task among the selected ones (the one held first), or null when none is left for the caller. */
export async function nextSelectedTask(projectId: string, input: SelectionInput): Promise<TaskDetail | null> {
  const stream = (await gql(SelectedLabelStreamQuery, { projectId, selection: input })).labelStream;
  if (!stream?.task) return null;
  return (await gql(TaskQuery, { id: stream.task.id })).task;
}

/** Says that only the selected tasks are handed out, with a way back to the whole project. */
export function SelectedStreamBanner({ projectId, count }: { projectId: string; count: number | null }) {
  const [, setParams] = useSearchParams();
  return (
    <p className="selection-bar" data-testid="label-selection-banner">
      Labeling only the {count === null ? '' : `${count} `}selected task{count === 1 ? '' : 's'} from the Data Manager.{' '}
      <button className="btn btn-small" data-testid="label-selection-clear" onClick={() => {
        clearLabelSelection(sessionStorage, projectId);
        setParams((p) => {
          const q = new URLSearchParams(p);
          q.delete('selected');
          return q;
        });
      }}>Label the whole project</button>
    </p>
  );
}
