import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

describe('shortcutFor', () => {
  it('maps our shortcuts', () => {
    expect(shortcutFor({ key: 'Enter', ctrlKey: true })).toBe('submit');
    expect(shortcutFor({ key: 'Enter', metaKey: true })).toBe('submit');
    expect(shortcutFor({ key: ' ', ctrlKey: true })).toBe('skip');
    expect(shortcutFor({ key: 'ArrowRight', ctrlKey: true })).toBe('next');
    expect(shortcutFor({ key: '?', shiftKey: true })).toBe('help');
  });

  it('leaves other keys to the editor and text fields alone', () => {
    expect(shortcutFor({ key: 'Enter' })).toBeNull();
    expect(shortcutFor({ key: '1' })).toBeNull();
    expect(shortcutFor({ key: 'ArrowRight', ctrlKey: true, altKey: true })).toBeNull();
    expect(shortcutFor({ key: '?', inTextField: true })).toBeNull();
  });
});
