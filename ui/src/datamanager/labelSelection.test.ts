import { describe, expect, it } from 'vitest';
import { clearLabelSelection, readLabelSelection, saveLabelSelection, selectionInput } from './labelSelection';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => { m.delete(k); },
    setItem: (k, v) => { m.set(k, v); },
  };
}

describe('the selection handed to the label stream', () => {
  it('is the ticked ids, or the view filter for all matching', () => {
    expect(selectionInput({ mode: 'some', ids: new Set(['a', 'b']) }, undefined)).toEqual({ taskIds: ['a', 'b'] });
    expect(selectionInput({ mode: 'some', ids: new Set() }, undefined)).toBeNull();
    const filter = { conditions: [{ column: 'DATA' as const, path: ['n'], operator: 'GREATER' as const, value: 3 }], reviewState: 'PENDING' as const };
    expect(selectionInput({ mode: 'all' }, filter)).toEqual({ filter: { reviewState: 'PENDING', conditions: filter.conditions, conjunction: 'AND' } });
    expect(selectionInput({ mode: 'all' }, undefined)).toEqual({ filter: {} });
  });

  it('lives per project for the session and reads back, refusing what it did not write', () => {
    const s = memoryStorage();
    saveLabelSelection(s, 'p1', { taskIds: ['t1'] }, 1);
    expect(readLabelSelection(s, 'p1')).toEqual({ input: { taskIds: ['t1'] }, count: 1 });
    expect(readLabelSelection(s, 'p2')).toBeNull();
    s.setItem('ll.labelSelection.p3', '{"input":{"taskIds":[1,2]}}');
    expect(readLabelSelection(s, 'p3')).toBeNull();
    s.setItem('ll.labelSelection.p4', 'not json');
    expect(readLabelSelection(s, 'p4')).toBeNull();
    clearLabelSelection(s, 'p1');
    expect(readLabelSelection(s, 'p1')).toBeNull();
  });
});
