// Quick view (issue 12): which row the arrow keys move to. Pure.

/** The id after stepping {@code by} rows from {@code current} among {@code ids}; null past either end. */
export function stepRow(ids: string[], current: string, by: -1 | 1): string | null {
  const i = ids.indexOf(current);
  if (i < 0) return ids[0] ?? null;
  const j = i + by;
  return j >= 0 && j < ids.length ? ids[j] : null;
}

/** The step a key asks for: Down/Right next, Up/Left previous; null for other keys, modified keys and typing. */
export function stepKey(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; inTextField?: boolean }): -1 | 1 | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.inTextField) return null;
  if (e.key === 'ArrowDown' || e.key === 'ArrowRight') return 1;
  if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') return -1;
  return null;
}
