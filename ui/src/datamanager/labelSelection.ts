// "Label the selected" (issue 12, ADR 0038): the Data Manager hands the selection to the labeling page for this
// browser tab's session (sessionStorage: a few thousand ticked ids do not fit in a URL); the labeling page sends it
// with every request for the next task. Pure but for the storage it is given.
import type { Selection } from './selection';
import type { ViewFilter } from './view';
import { serverFilter } from './view';
import type { SelectionInput } from './operations';

const KEY = (projectId: string) => `ll.labelSelection.${projectId}`;

/** The server's selection for the Data Manager's: ticked ids, or the view's filter for "all matching". */
export function selectionInput(selection: Selection, filter: ViewFilter | undefined): SelectionInput | null {
  if (selection.mode === 'all') return { filter: serverFilter(filter) ?? {} };
  return selection.ids.size > 0 ? { taskIds: [...selection.ids] } : null;
}

export function saveLabelSelection(storage: Storage, projectId: string, input: SelectionInput, count: number | null): void {
  storage.setItem(KEY(projectId), JSON.stringify({ input, count }));
}

/** The selection the labeling page works through, or null (the whole project). */
export function readLabelSelection(storage: Storage, projectId: string): { input: SelectionInput; count: number | null } | null {
  try {
    const raw = storage.getItem(KEY(projectId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { input?: SelectionInput; count?: number | null };
    if (!parsed.input || typeof parsed.input !== 'object') return null;
    if ('taskIds' in parsed.input && !(Array.isArray(parsed.input.taskIds) && parsed.input.taskIds.every((id) => typeof id === 'string'))) return null;
    return { input: parsed.input, count: parsed.count ?? null };
  } catch {
    return null;
  }
}

export function clearLabelSelection(storage: Storage, projectId: string): void {
  storage.removeItem(KEY(projectId));
}
