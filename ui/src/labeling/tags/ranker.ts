// Label Studio's newer ranker (ADR 0035): <List name value="$items"/> + <Ranker name toName> with optional
// <Bucket name title default>. Result: {"type":"ranker","value":{"ranker":{<column>:[ids...]}}} where, as Label
// Studio's own Ranker writes it, the one column of a plain ranking is named after the Ranker; with buckets each
// bucket is a column, and without a default bucket the items left in the list are the "_" column. Pure.
import type { JSONValue } from '../../shared/api/types';
import type { OwnControl, ResultItem } from '../bridge';
import { withValue } from './own';

export const LEFT_IN_LIST = '_';

export interface ListItem {
  id: string;
  title: string;
  body: string;
}

export interface Column {
  id: string;
  title: string;
}

export interface RankerModel {
  columns: Column[];
  itemIds: Record<string, string[]>;
}

/** The List's items from the task's data ([{id, title, body}]); an item without an id gets its index. */
export function listItems(value: JSONValue | undefined): ListItem[] {
  if (!Array.isArray(value)) return [];
  return value.map((v, i) => {
    const o = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, JSONValue>) : {};
    const text = (k: string) => (typeof o[k] === 'string' || typeof o[k] === 'number' ? String(o[k]) : '');
    return { id: text('id') || String(i), title: text('title'), body: text('body') };
  });
}

function buckets(ranker: OwnControl) {
  return (ranker.options ?? []).filter((o) => o.tag === 'Bucket').map((o) => ({ name: o.attributes.name ?? '', title: o.attributes.title ?? o.attributes.name ?? '', isDefault: o.attributes.default === 'true' }));
}

/** The columns and where each item is: from the stored value, else everything in the default column. */
export function rankerModel(ranker: OwnControl, listTitle: string, items: ListItem[], stored?: unknown): RankerModel {
  const bs = buckets(ranker);
  const defaultColumn = bs.length === 0 ? ranker.name : bs.find((b) => b.isDefault)?.name;
  const columns: Column[] = bs.length === 0 ? [{ id: ranker.name, title: listTitle }] : bs.map((b) => ({ id: b.name, title: b.title }));
  if (bs.length > 0 && !defaultColumn) columns.unshift({ id: LEFT_IN_LIST, title: listTitle });
  const ids = items.map((i) => i.id);
  const itemIds: Record<string, string[]> = Object.fromEntries(columns.map((c) => [c.id, []]));
  const value = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : null;
  if (!value) {
    itemIds[defaultColumn ?? LEFT_IN_LIST] = ids;
    return { columns, itemIds };
  }
  const placed = new Set<string>();
  for (const [key, list] of Object.entries(value)) {
    // a plain ranking stored under the List's name (accepted by the server) is the Ranker's column
    const column = bs.length === 0 && key === ranker.toName ? ranker.name : key;
    if (!(column in itemIds) || !Array.isArray(list)) continue;
    itemIds[column] = list.filter((id): id is string => typeof id === 'string' && ids.includes(id) && !placed.has(id));
    itemIds[column].forEach((id) => placed.add(id));
  }
  // items in no column stay in the list (a plain ranking: at its end)
  const left = ids.filter((id) => !placed.has(id));
  const home = bs.length === 0 ? ranker.name : defaultColumn ?? LEFT_IN_LIST;
  if (left.length > 0 && (bs.length === 0 || !defaultColumn)) itemIds[home] = [...itemIds[home], ...left];
  return { columns, itemIds };
}

/** Moves an item to a column at an index (clamped). */
export function moveItem(model: RankerModel, id: string, toColumn: string, toIndex: number): RankerModel {
  const itemIds = Object.fromEntries(Object.entries(model.itemIds).map(([k, v]) => [k, v.filter((x) => x !== id)]));
  const target = itemIds[toColumn] ?? [];
  const at = Math.max(0, Math.min(toIndex, target.length));
  itemIds[toColumn] = [...target.slice(0, at), id, ...target.slice(at)];
  return { ...model, itemIds };
}

export function columnOf(model: RankerModel, id: string): string | undefined {
  return Object.keys(model.itemIds).find((k) => model.itemIds[k].includes(id));
}

/** Label Studio's ranker item (every column, in column order), keeping a stored item's other keys. */
export function rankerItem(ranker: OwnControl, model: RankerModel, stored: ResultItem | undefined): ResultItem {
  const ranked = Object.fromEntries(model.columns.map((c) => [c.id, model.itemIds[c.id] ?? []]));
  return withValue(stored, ranker, 'ranker', { ranker: ranked });
}
