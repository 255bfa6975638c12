import { describe, expect, it } from 'vitest';
import { dataPreview, errorsFor, fromDateTimeLocal, otherErrors, toDateTimeLocal, truncate } from './format';

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
});
