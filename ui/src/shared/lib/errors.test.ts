import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../api/types';
import { ERROR_SENTENCES, userErrorText, userErrorsText } from './errors';

describe('userErrorText', () => {
  it('has a sentence for every code of the schema, and no sentence shows a code', () => {
    expect(Object.keys(ERROR_SENTENCES).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const text = userErrorText({ code, message: '' });
      expect(text, code).toMatch(/^[A-Z].*[.!?]$/);
      expect(text, code).not.toContain(code);
    }
  });

  it('turns codes into sentences instead of showing them (ALREADY_ANNOTATED taskId: ...)', () => {
    const text = userErrorText({ code: 'ALREADY_ANNOTATED', message: 'You have already annotated this task; update your annotation instead' });
    expect(text).toBe('You have already annotated this task. Update your annotation instead.');
    expect(text).not.toMatch(/ALREADY_ANNOTATED|taskId/);
    expect(userErrorText({ code: 'EMPTY_RESULT', message: 'x' })).toBe(ERROR_SENTENCES.EMPTY_RESULT);
  });

  it('keeps the server\'s detail for validation-like codes, as a sentence', () => {
    expect(userErrorText({ code: 'VALIDATION', message: 'asOf cannot be in the future' }))
      .toBe('Some of what you entered is not valid. asOf cannot be in the future.');
    expect(userErrorText({ code: 'INVALID_RESULT', message: 'unknown choice "Angry"' }))
      .toBe('The annotation does not fit the labeling configuration. Unknown choice "Angry".');
    expect(userErrorText({ code: 'VALIDATION', message: 'Enter a title.' })).toBe('Some of what you entered is not valid. Enter a title.');
  });

  it('answers an unknown code (a newer server) with a general sentence', () => {
    expect(userErrorText({ code: 'SOMETHING_NEW' as never, message: 'SOMETHING_NEW happened' })).toBe('Something went wrong. Try again.');
  });

  it('joins several errors without repeating a sentence', () => {
    expect(userErrorsText([{ code: 'FORBIDDEN', message: '' }, { code: 'FORBIDDEN', message: '' }, { code: 'NOT_FOUND', message: '' }]))
      .toBe(`${ERROR_SENTENCES.FORBIDDEN}\n${ERROR_SENTENCES.NOT_FOUND}`);
  });
});
