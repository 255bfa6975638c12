import { describe, expect, it } from 'vitest';
import { dataPreview, errorsFor, formatDateTime, fromDateTimeLocal, otherErrors, toDateTimeLocal, truncate } from './format';

describe('format helpers', () => {
  it('previews the first data fields, truncated', () => {
    expect(dataPreview({ text: 'I love it', lang: 'en', extra: 1 })).toBe('text: I love it · lang: en');
    expect(dataPreview({ text: 'x'.repeat(200) }, 2, 20)).toHaveLength(20);
    expect(truncate('abc', 5)).toBe('abc');
  });

  it('matches errors to fields by the last path element', () => {
    const errors = [
      { code: 'VALIDATION', field: ['input', 'title'], message: 'blank' },
      { code: 'INVALID_LABEL_CONFIG', field: ['labelConfig'], message: 'bad xml' },
      { code: 'FORBIDDEN', field: null, message: 'no' },
    ];
    expect(errorsFor(errors, 'title').map((e) => e.message)).toEqual(['blank']);
    expect(otherErrors(errors, ['title', 'labelConfig']).map((e) => e.code)).toEqual(['FORBIDDEN']);
  });

  it('converts datetime-local values to ISO instants and back', () => {
    const d = new Date(2030, 4, 6, 7, 8, 9);
    const local = toDateTimeLocal(d);
    expect(local).toBe('2030-05-06T07:08:09');
    expect(fromDateTimeLocal(local)).toBe(d.toISOString());
    expect(fromDateTimeLocal('')).toBeNull();
  });

  it('formats every instant the one way of the app: local date and time to the second', () => {
    const d = new Date(2030, 0, 2, 3, 4, 5);
    expect(formatDateTime(d.toISOString())).toBe('2030-01-02 03:04:05');
    expect(formatDateTime(new Date(2030, 10, 21, 23, 59, 0).toISOString())).toBe('2030-11-21 23:59:00');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('is the one place that formats dates: no page or component formats an instant its own way', () => {
    const sources = import.meta.glob(['../../**/*.ts', '../../**/*.tsx', '!../../**/*.test.ts', '!../../**/*.test.tsx', '!./format.ts'],
      { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const [file, text] of Object.entries(sources)) {
      expect(text, file).not.toMatch(/toLocale(Date|Time)String\(|Date\([^)]*\)\.toLocaleString\(|Intl\.DateTimeFormat/);
    }
  });
});
