import { describe, expect, it } from 'vitest';
import type { Annotation } from '../shared/api/types';
import { DRAFT_ANNOTATION_ID, withDraft } from './withDraft';

const me = { id: 'u1', displayName: 'Ann' };
const a = (id: string, author = me): Annotation => ({ id, taskId: 't', author, result: [{ id: 'x' }], leadTimeSeconds: 1, createdAt: 'c', updatedAt: 'u' });
const draft = { taskId: 't', result: [{ id: 'draft-item' }], leadTimeSeconds: 4, savedAt: '2030-01-01T00:00:00Z' };

describe('withDraft', () => {
  it('given no draft, then the editor opens my annotation (or a new one)', () => {
    expect(withDraft([a('a1')], null, a('a1'), me)).toEqual({ annotations: [a('a1')], select: 'a1' });
    expect(withDraft([], null, undefined, me)).toEqual({ annotations: [], select: null });
  });

  it('given a draft over my annotation, then it replaces only my annotation\'s result', () => {
    const other = a('a2', { id: 'u2', displayName: 'Bob' });
    const out = withDraft([a('a1'), other], draft, a('a1'), me);
    expect(out.select).toBe('a1');
    expect(out.annotations[0].result).toEqual(draft.result);
    expect(out.annotations[1]).toBe(other);
  });

  it('given a draft without an annotation, then it opens as a new annotation of mine', () => {
    const out = withDraft([], draft, undefined, me);
    expect(out.select).toBe(DRAFT_ANNOTATION_ID);
    expect(out.annotations).toEqual([expect.objectContaining({ id: DRAFT_ANNOTATION_ID, author: me, result: draft.result })]);
  });
});
