// Keeping the Data Manager's loaded rows in order when a live update arrives.
import type { TaskOrder, TaskRow } from '../shared/api/types';

const REVIEW_ORDER = ['ACCEPTED', 'NONE', 'PENDING', 'REJECTED'];

/** The sort key a live row can be placed by; null for a data field (its value is not in the row event). */
function key(row: TaskRow, order: TaskOrder): number | null {
  switch (order.field) {
    case 'NUMBER':
      return row.number;
    case 'ANNOTATIONS':
      return row.annotationCount;
    case 'COMPLETED':
      return row.completed ? 1 : 0;
    case 'UPDATED_AT':
      return Date.parse(row.updatedAt);
    case 'GROUND_TRUTH':
      return row.groundTruth ? 1 : 0;
    case 'CREATED_AT':
      return Date.parse(row.createdAt);
    case 'SKIPS':
      return row.skipCount;
    case 'PREDICTIONS':
      return row.predictionCount ?? 0;
    case 'ACCEPTED':
      return row.acceptedCount ?? 0;
    case 'REJECTED':
      return row.rejectedCount ?? 0;
    case 'REVIEW_STATE':
      return REVIEW_ORDER.indexOf(row.reviewState ?? 'NONE');
    // empty values sort last ascending, first descending (as the server's indexes hold them)
    case 'PREDICTION_SCORE':
      return row.predictionScore ?? Number.POSITIVE_INFINITY;
    case 'LEAD_TIME':
      return row.leadTimeSeconds ?? Number.POSITIVE_INFINITY;
    case 'DATA':
      return null;
  }
}

export function compareRows(a: TaskRow, b: TaskRow, order: TaskOrder): number {
  const ka = key(a, order);
  const kb = key(b, order);
  if (ka === null || kb === null) return 0; // unknown key: keep the server's order
  const d = ka === kb ? 0 : ka - kb;
  const primary = order.direction === 'ASC' ? d : -d;
  return primary !== 0 ? primary : a.number - b.number; // stable tie-break
}

/**
 * Apply a changed row to the loaded page(s): replace it where it is (re-sorting when its sort key changed) or
 * insert a new one. A row that would sort after the last loaded row while more pages exist is left for "Load more".
 * Returns the new list and whether the task was unknown before (a new task, for the total count).
 */
export function applyLiveRow(
  rows: TaskRow[],
  changed: TaskRow,
  order: TaskOrder,
  hasNextPage: boolean,
): { rows: TaskRow[]; isNew: boolean } {
  const index = rows.findIndex((r) => r.id === changed.id);
  if (index >= 0) {
    const next = rows.slice();
    next[index] = { ...rows[index], ...changed };
    next.sort((a, b) => compareRows(a, b, order));
    return { rows: next, isNew: false };
  }
  const last = rows[rows.length - 1];
  if (hasNextPage && last && compareRows(changed, last, order) > 0) {
    return { rows, isNew: true };
  }
  const next = [...rows, changed].sort((a, b) => compareRows(a, b, order));
  return { rows: next, isNew: true };
}
