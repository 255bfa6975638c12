import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../shared/api/types';
import { applyLiveRow } from './taskRows';

const row = (number: number, annotationCount = 0, updatedAt = `2030-01-01T00:00:0${number}Z`): TaskRow => ({
  id: `t${number}`, number, projectId: 'p', data: { text: `#${number}` }, annotationCount, skipCount: 0,
  completed: annotationCount > 0, createdAt: updatedAt, updatedAt,
});
const byNumber = { field: 'NUMBER', direction: 'ASC' } as const;

describe('applyLiveRow', () => {
  it('replaces a known row in place', () => {
    const rows = [row(1), row(2), row(3)];
    const r = applyLiveRow(rows, row(2, 1), byNumber, false);
    expect(r.isNew).toBe(false);
    expect(r.rows.map((x) => x.id)).toEqual(['t1', 't2', 't3']);
    expect(r.rows[1].annotationCount).toBe(1);
    expect(r.rows[1].completed).toBe(true);
  });

  it('moves a changed row when its sort key changes', () => {
    const rows = [row(1, 2), row(2, 1), row(3, 0)];
    const r = applyLiveRow(rows, row(3, 5), { field: 'ANNOTATIONS', direction: 'DESC' }, false);
    expect(r.rows.map((x) => x.id)).toEqual(['t3', 't1', 't2']);
  });

  it('moves a task that gained a ground-truth annotation to the top when sorted by ground truth', () => {
    const rows = [{ ...row(2), groundTruth: true }, row(1), row(3)];
    const r = applyLiveRow(rows, { ...row(3), groundTruth: true }, { field: 'GROUND_TRUTH', direction: 'DESC' }, false);
    expect(r.rows.map((x) => x.id)).toEqual(['t2', 't3', 't1']);
  });

  it('inserts a new row at its sorted place', () => {
    const r = applyLiveRow([row(1), row(3)], row(2), byNumber, false);
    expect(r.isNew).toBe(true);
    expect(r.rows.map((x) => x.number)).toEqual([1, 2, 3]);
  });

  it('leaves a new row beyond the loaded page for "Load more"', () => {
    const rows = [row(1), row(2)];
    const r = applyLiveRow(rows, row(9), byNumber, true);
    expect(r.isNew).toBe(true);
    expect(r.rows).toBe(rows);
  });
});
