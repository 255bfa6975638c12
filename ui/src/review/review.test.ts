import { describe, expect, it } from 'vitest';
import { annotationReviewState, canReviewAnnotation, reviewComment } from './review';

const author = { id: 'ann', displayName: 'Ann' };

describe('review helpers', () => {
  it('an annotation without a review is pending; otherwise its latest decision', () => {
    expect(annotationReviewState({ review: null })).toBe('PENDING');
    expect(annotationReviewState({})).toBe('PENDING');
    expect(annotationReviewState({ review: { decision: 'REJECTED', comment: null, reviewer: author, reviewedAt: '2030-01-01T00:00:00Z' } })).toBe('REJECTED');
  });

  it('offers review only to reviewers, never on their own annotation', () => {
    expect(canReviewAnnotation(true, { author }, 'rita')).toBe(true);
    expect(canReviewAnnotation(true, { author }, 'ann')).toBe(false);
    expect(canReviewAnnotation(false, { author }, 'rita')).toBe(false);
    expect(canReviewAnnotation(undefined, { author }, 'rita')).toBe(false);
    expect(canReviewAnnotation(true, { author }, undefined)).toBe(false);
  });

  it('trims the comment, sends none when blank and refuses more than 2,000 characters', () => {
    expect(reviewComment('  fine  ')).toEqual({ comment: 'fine', error: null });
    expect(reviewComment('   ')).toEqual({ comment: null, error: null });
    expect(reviewComment('x'.repeat(2000)).error).toBeNull();
    expect(reviewComment('x'.repeat(2001)).error).not.toBeNull();
  });
});
