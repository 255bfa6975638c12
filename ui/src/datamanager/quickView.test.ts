import { describe, expect, it } from 'vitest';
import { stepKey, stepRow } from './quickView';

describe('quick view stepping', () => {
  it('moves through the rows shown and stops at either end', () => {
    expect(stepRow(['a', 'b', 'c'], 'b', 1)).toBe('c');
    expect(stepRow(['a', 'b', 'c'], 'b', -1)).toBe('a');
    expect(stepRow(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(stepRow(['a', 'b', 'c'], 'a', -1)).toBeNull();
    // the open task left the rows (a live update): start again from the first
    expect(stepRow(['a', 'b'], 'gone', 1)).toBe('a');
  });

  it('takes the arrow keys, not typing or shortcuts with modifiers', () => {
    expect(stepKey({ key: 'ArrowDown' })).toBe(1);
    expect(stepKey({ key: 'ArrowRight' })).toBe(1);
    expect(stepKey({ key: 'ArrowUp' })).toBe(-1);
    expect(stepKey({ key: 'ArrowLeft' })).toBe(-1);
    expect(stepKey({ key: 'ArrowDown', inTextField: true })).toBeNull();
    expect(stepKey({ key: 'ArrowDown', ctrlKey: true })).toBeNull();
    expect(stepKey({ key: 'j' })).toBeNull();
  });
});
