// Selected rows of the Data Manager: ticked rows, or "all N matching" the current filter. Pure.

export type Selection = { mode: 'some'; ids: Set<string> } | { mode: 'all' };

export const emptySelection: Selection = { mode: 'some', ids: new Set() };

/** How many tasks are selected (all matching: the count, null while unknown). */
export function selectedCount(selection: Selection, matching: number | null): number {
  return selection.mode === 'all' ? (matching ?? 1) : selection.ids.size;
}

export function selectionLabel(selection: Selection, matching: { count: number; exact: boolean } | null): string {
  if (selection.mode === 'all') {
    if (!matching) return 'All matching tasks selected';
    return `All ${matching.exact ? '' : 'about '}${matching.count} matching task${matching.count === 1 ? '' : 's'} selected`;
  }
  const n = selection.ids.size;
  return `${n} task${n === 1 ? '' : 's'} selected`;
}

/** "N tasks match" ("about N" for an estimate); before the count arrives, how many are shown. */
export function matchLabel(matching: { count: number; exact: boolean } | null, shown: number, more: boolean): string {
  if (!matching) return `${shown}${more ? '+' : ''} matching task${shown === 1 && !more ? '' : 's'} shown`;
  const n = matching.count;
  return `${matching.exact ? '' : 'about '}${n} ${n === 1 ? 'task matches' : 'tasks match'}`;
}
