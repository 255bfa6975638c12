import { describe, expect, it } from 'vitest';
import { agreementGrid, gridCsv, heat, kappa, percent } from './matrix';
import type { AnnotatorQuality } from './operations';

const person = (id: string, displayName: string): AnnotatorQuality => ({
  user: { id, displayName }, annotations: 1, agreementWithOthers: null, pairs: 0, groundTruthAccuracy: null, groundTruthTasks: 0,
});

describe('agreementGrid', () => {
  it('shows each pair in both halves and nothing on the diagonal', () => {
    // given Bob (b) and Ann (a) with one cell a|b, and Cid without pairs
    const rows = agreementGrid([person('b', 'Bob'), person('a', 'Ann'), person('c', 'Cid')], [{ userA: 'a', userB: 'b', agreement: 0.75, pairs: 2 }]);
    // then rows are by name and the cell is symmetric
    expect(rows.map((r) => r.person.name)).toEqual(['Ann', 'Bob', 'Cid']);
    expect(rows[0].cells.map((c) => c.agreement)).toEqual([null, 0.75, null]);
    expect(rows[1].cells.map((c) => c.agreement)).toEqual([0.75, null, null]);
    expect(rows[1].cells[0].pairs).toBe(2);
  });
});

describe('formatting', () => {
  it('reads scores as percent and heat levels', () => {
    expect(percent(0.8333)).toBe('83%');
    expect(percent(null)).toBe('–');
    expect([heat(null), heat(0), heat(0.39), heat(0.8), heat(1)]).toEqual([-1, 0, 1, 4, 4]);
  });

  it('reads chance-corrected statistics with their sign, and undefined as a dash', () => {
    expect([kappa(0.4), kappa(-0.5), kappa(1 / 3), kappa(null), kappa(undefined)]).toEqual(['0.40', '-0.50', '0.33', '–', '–']);
  });

  it('writes the matrix as CSV with neutralized formulas', () => {
    const rows = agreementGrid([person('a', '=Ann'), person('b', 'Bob')], [{ userA: 'a', userB: 'b', agreement: 0.5, pairs: 1 }]);
    expect(gridCsv(rows)).toBe(`,"'=Ann",Bob\n"'=Ann",,0.500\nBob,0.500,\n`);
  });
});
