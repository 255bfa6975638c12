// The Data Manager's view (issue 12, ADR 0038): filter, sort and columns — what a saved tab stores and what the URL
// carries (?tab=<id>&view=<base64url JSON>), so that Back, reload and a shared link show the same rows. Pure.
import type { JSONValue, ReviewState } from '../shared/api/types';
import { REVIEW_STATES } from '../shared/api/types';

export type ColumnType = 'INTEGER' | 'NUMBER' | 'DATE' | 'BOOLEAN' | 'CHOICE' | 'PEOPLE' | 'TEXT_SET' | 'LABELS' | 'DATA';
export type FilterOperator =
  | 'EQUAL' | 'NOT_EQUAL' | 'CONTAINS' | 'NOT_CONTAINS' | 'REGEX' | 'GREATER' | 'LESS' | 'IN_RANGE' | 'NOT_IN_RANGE'
  | 'EMPTY' | 'NOT_EMPTY' | 'IN_LIST' | 'NOT_IN_LIST' | 'BEFORE' | 'AFTER';
export type TaskColumnName =
  | 'NUMBER' | 'CREATED_AT' | 'UPDATED_AT' | 'ANNOTATIONS' | 'SKIPS' | 'PREDICTIONS' | 'PREDICTION_SCORE' | 'MODEL_VERSIONS'
  | 'LEAD_TIME' | 'ANNOTATORS' | 'REVIEWERS' | 'ACCEPTED' | 'REJECTED' | 'REVIEW_STATE' | 'COMPLETED' | 'GROUND_TRUTH'
  | 'LABELS' | 'DATA'
  | 'COMMENTS' | 'UNRESOLVED_COMMENTS'
  | 'ASSIGNED_ANNOTATORS' | 'ASSIGNED_REVIEWERS';
export type SortField =
  | 'NUMBER' | 'ANNOTATIONS' | 'COMPLETED' | 'UPDATED_AT' | 'GROUND_TRUTH' | 'CREATED_AT' | 'SKIPS' | 'PREDICTIONS'
  | 'PREDICTION_SCORE' | 'LEAD_TIME' | 'ACCEPTED' | 'REJECTED' | 'REVIEW_STATE' | 'DATA'
  | 'COMMENTS' | 'UNRESOLVED_COMMENTS';

/** The operators each column type accepts: the server's table (ColumnType.java), for the filter builder. */
export const OPERATORS: Record<ColumnType, FilterOperator[]> = {
  INTEGER: ['EQUAL', 'NOT_EQUAL', 'GREATER', 'LESS', 'IN_RANGE', 'NOT_IN_RANGE', 'IN_LIST', 'NOT_IN_LIST'],
  NUMBER: ['EQUAL', 'NOT_EQUAL', 'GREATER', 'LESS', 'IN_RANGE', 'NOT_IN_RANGE', 'EMPTY', 'NOT_EMPTY'],
  DATE: ['BEFORE', 'AFTER', 'IN_RANGE', 'NOT_IN_RANGE'],
  BOOLEAN: ['EQUAL', 'NOT_EQUAL'],
  CHOICE: ['EQUAL', 'NOT_EQUAL', 'IN_LIST', 'NOT_IN_LIST'],
  PEOPLE: ['CONTAINS', 'NOT_CONTAINS', 'IN_LIST', 'NOT_IN_LIST', 'EMPTY', 'NOT_EMPTY'],
  TEXT_SET: ['CONTAINS', 'NOT_CONTAINS', 'IN_LIST', 'NOT_IN_LIST', 'EMPTY', 'NOT_EMPTY'],
  LABELS: ['CONTAINS', 'NOT_CONTAINS', 'IN_LIST', 'NOT_IN_LIST', 'EMPTY', 'NOT_EMPTY', 'REGEX'],
  DATA: ['EQUAL', 'NOT_EQUAL', 'CONTAINS', 'NOT_CONTAINS', 'REGEX', 'GREATER', 'LESS', 'IN_RANGE', 'NOT_IN_RANGE', 'EMPTY',
    'NOT_EMPTY', 'IN_LIST', 'NOT_IN_LIST', 'BEFORE', 'AFTER'],
};

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  EQUAL: 'is', NOT_EQUAL: 'is not', CONTAINS: 'contains', NOT_CONTAINS: 'does not contain', REGEX: 'matches regex',
  GREATER: 'greater than', LESS: 'less than', IN_RANGE: 'in range', NOT_IN_RANGE: 'not in range', EMPTY: 'is empty',
  NOT_EMPTY: 'is not empty', IN_LIST: 'is any of', NOT_IN_LIST: 'is none of', BEFORE: 'before', AFTER: 'after',
};

export interface Condition {
  column: TaskColumnName;
  path?: string[];
  operator: FilterOperator;
  value?: JSONValue;
}

export interface ViewFilter {
  reviewState?: ReviewState;
  groundTruth?: boolean;
  conjunction?: 'AND' | 'OR';
  conditions?: Condition[];
}

export interface ViewOrder {
  field: SortField;
  direction: 'ASC' | 'DESC';
  path?: string[];
}

export interface ViewColumn {
  key: string;
  hidden?: boolean;
}

export interface DataManagerView {
  filter?: ViewFilter;
  orderBy?: ViewOrder;
  columns?: ViewColumn[];
}

export const DEFAULT_ORDER: ViewOrder = { field: 'NUMBER', direction: 'ASC' };

/** A column of the table: a fixed one, a data field (key "data:a.b") or a control's labels (key "labels:<name>"). */
export interface ColumnDef {
  key: string;
  label: string;
  column: TaskColumnName;
  path?: string[];
  type: ColumnType;
  /** The sort it maps to; absent: not sortable (sets). */
  sort?: SortField;
  /** Shown when a view names no columns. */
  shownByDefault: boolean;
}

const FIXED: ColumnDef[] = [
  { key: 'number', label: '#', column: 'NUMBER', type: 'INTEGER', sort: 'NUMBER', shownByDefault: true },
  { key: 'annotations', label: 'Annotations', column: 'ANNOTATIONS', type: 'INTEGER', sort: 'ANNOTATIONS', shownByDefault: true },
  { key: 'completed', label: 'Completed', column: 'COMPLETED', type: 'BOOLEAN', sort: 'COMPLETED', shownByDefault: true },
  { key: 'review', label: 'Review', column: 'REVIEW_STATE', type: 'CHOICE', sort: 'REVIEW_STATE', shownByDefault: true },
  { key: 'groundTruth', label: 'Ground truth', column: 'GROUND_TRUTH', type: 'BOOLEAN', sort: 'GROUND_TRUTH', shownByDefault: true },
  { key: 'updated', label: 'Updated', column: 'UPDATED_AT', type: 'DATE', sort: 'UPDATED_AT', shownByDefault: true },
  { key: 'created', label: 'Created', column: 'CREATED_AT', type: 'DATE', sort: 'CREATED_AT', shownByDefault: false },
  { key: 'skips', label: 'Skipped', column: 'SKIPS', type: 'INTEGER', sort: 'SKIPS', shownByDefault: false },
  { key: 'annotators', label: 'Annotators', column: 'ANNOTATORS', type: 'PEOPLE', shownByDefault: false },
  { key: 'reviewers', label: 'Reviewers', column: 'REVIEWERS', type: 'PEOPLE', shownByDefault: false },
  { key: 'accepted', label: 'Accepted', column: 'ACCEPTED', type: 'INTEGER', sort: 'ACCEPTED', shownByDefault: false },
  { key: 'rejected', label: 'Rejected', column: 'REJECTED', type: 'INTEGER', sort: 'REJECTED', shownByDefault: false },
  { key: 'leadTime', label: 'Lead time (s)', column: 'LEAD_TIME', type: 'NUMBER', sort: 'LEAD_TIME', shownByDefault: false },
  { key: 'predictions', label: 'Predictions', column: 'PREDICTIONS', type: 'INTEGER', sort: 'PREDICTIONS', shownByDefault: false },
  { key: 'predictionScore', label: 'Prediction score', column: 'PREDICTION_SCORE', type: 'NUMBER', sort: 'PREDICTION_SCORE', shownByDefault: false },
  { key: 'modelVersions', label: 'Model versions', column: 'MODEL_VERSIONS', type: 'TEXT_SET', shownByDefault: false },
  // comments on the task's live annotations (issue 10; kept by the projection, so sortable)
  { key: 'comments', label: 'Comments', column: 'COMMENTS', type: 'INTEGER', sort: 'COMMENTS', shownByDefault: false },
  { key: 'unresolvedComments', label: 'Unresolved comments', column: 'UNRESOLVED_COMMENTS', type: 'INTEGER', sort: 'UNRESOLVED_COMMENTS', shownByDefault: false },
  // manual assignment (ADR 0042/0048): filter "contains me" is "assigned to me"
  { key: 'assignedAnnotators', label: 'Assigned to annotate', column: 'ASSIGNED_ANNOTATORS', type: 'PEOPLE', shownByDefault: false },
  { key: 'assignedReviewers', label: 'Assigned to review', column: 'ASSIGNED_REVIEWERS', type: 'PEOPLE', shownByDefault: false },
];

/** The columns a project offers: the fixed ones, "Data" (a preview), every data field and every control's labels. */
export function columnCatalog(dataFields: { path: string[]; kinds: string[] }[], controls: { name: string }[]): ColumnDef[] {
  const fields: ColumnDef[] = dataFields
    .filter((f) => !f.kinds.every((k) => k === 'object'))
    .map((f) => ({ key: `data:${f.path.join('.')}`, label: f.path.join('.'), column: 'DATA', path: f.path, type: 'DATA', sort: 'DATA', shownByDefault: false }));
  const labels: ColumnDef[] = controls.map((c) => ({
    key: `labels:${c.name}`, label: `Labels: ${c.name}`, column: 'LABELS', path: [c.name], type: 'LABELS', shownByDefault: false,
  }));
  const preview: ColumnDef = { key: 'data', label: 'Data', column: 'DATA', type: 'DATA', shownByDefault: true };
  return [FIXED[0], preview, ...FIXED.slice(1), ...fields, ...labels];
}

/** The columns to show, in order: the defaults, or the view's columns that are not hidden (and still exist). */
export function visibleColumns(catalog: ColumnDef[], columns: ViewColumn[] | undefined): ColumnDef[] {
  if (!columns || columns.length === 0) return catalog.filter((c) => c.shownByDefault);
  const byKey = new Map(catalog.map((c) => [c.key, c]));
  return columns.filter((c) => !c.hidden && byKey.has(c.key)).map((c) => byKey.get(c.key)!);
}

/** The full column list of a view after showing/hiding one column (keeps the order of the others). */
export function toggleColumn(catalog: ColumnDef[], columns: ViewColumn[] | undefined, key: string): ViewColumn[] {
  const current = fullColumns(catalog, columns);
  return current.map((c) => (c.key === key ? { key, hidden: !c.hidden } : c));
}

/** Moves a column one place up (-1) or down (+1) in the view's order. */
export function moveColumn(catalog: ColumnDef[], columns: ViewColumn[] | undefined, key: string, by: -1 | 1): ViewColumn[] {
  const current = fullColumns(catalog, columns);
  const i = current.findIndex((c) => c.key === key);
  const j = i + by;
  if (i < 0 || j < 0 || j >= current.length) return current;
  const next = [...current];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** Every catalog column with its hidden flag, in the view's order. */
export function fullColumns(catalog: ColumnDef[], columns: ViewColumn[] | undefined): ViewColumn[] {
  const visible = new Set(visibleColumns(catalog, columns).map((c) => c.key));
  const order = visibleColumns(catalog, columns).map((c) => c.key);
  const rest = catalog.map((c) => c.key).filter((k) => !visible.has(k));
  return [...order.map((key) => ({ key, hidden: false })), ...rest.map((key) => ({ key, hidden: true }))];
}

/** The server's TaskFilter for a view (undefined: no filter at all). */
export function serverFilter(filter: ViewFilter | undefined): ViewFilter | undefined {
  if (!filter) return undefined;
  const out: ViewFilter = {};
  if (filter.reviewState) out.reviewState = filter.reviewState;
  if (filter.groundTruth !== undefined) out.groundTruth = filter.groundTruth;
  if (filter.conditions && filter.conditions.length > 0) {
    out.conditions = filter.conditions;
    out.conjunction = filter.conjunction ?? 'AND';
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

export function isFiltered(filter: ViewFilter | undefined): boolean {
  return serverFilter(filter) !== undefined;
}

/** base64url of the view's JSON (UTF-8), for the URL. */
export function encodeView(view: DataManagerView): string {
  const bytes = new TextEncoder().encode(JSON.stringify(view));
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The view from the URL; null when absent or unreadable (a hand-edited link). */
export function decodeView(text: string | null): DataManagerView | null {
  if (!text) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const view = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown;
    return view && typeof view === 'object' && !Array.isArray(view) ? (view as DataManagerView) : null;
  } catch {
    return null;
  }
}

/** Whether an operator takes a value, and which shape: one, a list or a [low, high] range. */
export function valueShape(operator: FilterOperator): 'none' | 'one' | 'list' | 'range' {
  if (operator === 'EMPTY' || operator === 'NOT_EMPTY') return 'none';
  if (operator === 'IN_LIST' || operator === 'NOT_IN_LIST') return 'list';
  if (operator === 'IN_RANGE' || operator === 'NOT_IN_RANGE') return 'range';
  return 'one';
}

/**
 * The value of a condition from what was typed: lists and ranges are comma-separated; numbers for number columns
 * (and for data fields when the text is a number, except for text operators).
 */
export function parseValue(type: ColumnType, operator: FilterOperator, text: string): JSONValue | undefined {
  const shape = valueShape(operator);
  if (shape === 'none') return undefined;
  const one = (s: string): JSONValue => {
    const t = s.trim();
    if (type === 'BOOLEAN') return t === 'true';
    if (type === 'INTEGER' || type === 'NUMBER') return t === '' ? t : Number(t);
    if (type === 'DATA' && !['CONTAINS', 'NOT_CONTAINS', 'REGEX', 'BEFORE', 'AFTER'].includes(operator) && t !== '' && !Number.isNaN(Number(t))) {
      return Number(t);
    }
    return t;
  };
  if (shape === 'one') return one(text);
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return parts.map(one);
}

/** What was typed for a value, back from the value (for editing a condition). */
export function valueText(value: JSONValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  return String(value);
}

export const REVIEW_STATE_VALUES: readonly ReviewState[] = REVIEW_STATES;

/** A sentence for a condition, for the chips above the table. */
export function describeCondition(c: Condition, label: string): string {
  const shape = valueShape(c.operator);
  const value = shape === 'none' ? '' : ` ${Array.isArray(c.value) ? c.value.join(shape === 'range' ? '–' : ', ') : String(c.value ?? '')}`;
  return `${label} ${OPERATOR_LABELS[c.operator]}${value}`;
}

/** JSON with object keys sorted: the server (jsonb) does not keep the key order a view was written with. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
