import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, TaskDetail } from '../shared/api/types';
import { mockGraphql } from '../shared/testing/graphqlMock';
import { ReviewControls } from './ReviewControls';
import { ERROR_SENTENCES } from '../shared/lib/errors';

const annotation = (review: Annotation['review'] = null, authorId = 'ann'): Annotation => ({
  id: 'a1', taskId: 't1', author: { id: authorId, displayName: 'Ann' }, result: [], leadTimeSeconds: 3,
  createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z', review,
});
const reviewedTask = { id: 't1', number: 1, annotations: [] } as unknown as TaskDetail;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ReviewControls', () => {
  it('lets a reviewer reject someone else\'s annotation with a trimmed comment', async () => {
    const fetch = mockGraphql((op) => {
      expect(op).toBe('ReviewAnnotation');
      return { reviewAnnotation: { annotation: null, task: reviewedTask, errors: [] } };
    });
    const onReviewed = vi.fn();
    render(<ReviewControls taskId="t1" annotation={annotation()} canReview meId="rita" onReviewed={onReviewed} />);

    expect(screen.getByTestId('review-state').dataset.reviewState).toBe('PENDING');
    fireEvent.change(screen.getByTestId('review-comment-input'), { target: { value: '  It is Negative ' } });
    fireEvent.click(screen.getByTestId('review-reject'));

    await waitFor(() => expect(onReviewed).toHaveBeenCalledWith(reviewedTask));
    const sent = JSON.parse((fetch.mock.calls[0][1] as RequestInit).body as string);
    expect(sent.variables.input).toEqual({ taskId: 't1', annotationId: 'a1', decision: 'REJECTED', comment: 'It is Negative' });
  });

  it('accepts without a comment (null)', async () => {
    const fetch = mockGraphql(() => ({ reviewAnnotation: { annotation: null, task: reviewedTask, errors: [] } }));
    render(<ReviewControls taskId="t1" annotation={annotation()} canReview meId="rita" onReviewed={() => {}} />);
    fireEvent.click(screen.getByTestId('review-accept'));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(JSON.parse((fetch.mock.calls[0][1] as RequestInit).body as string).variables.input.comment).toBeNull();
  });

  it('shows the server\'s refusal and does not report a review', async () => {
    mockGraphql(() => ({
      reviewAnnotation: { annotation: null, task: null, errors: [{ code: 'FORBIDDEN', field: ['annotationId'], message: 'You cannot review your own annotation' }] },
    }));
    const onReviewed = vi.fn();
    render(<ReviewControls taskId="t1" annotation={annotation()} canReview meId="rita" onReviewed={onReviewed} />);
    fireEvent.click(screen.getByTestId('review-accept'));
    expect((await screen.findByTestId('review-errors')).textContent).toContain(ERROR_SENTENCES.FORBIDDEN);
    expect(onReviewed).not.toHaveBeenCalled();
  });

  it('refuses a comment over 2,000 characters without calling the server', async () => {
    const fetch = mockGraphql(() => ({}));
    render(<ReviewControls taskId="t1" annotation={annotation()} canReview meId="rita" onReviewed={() => {}} />);
    fireEvent.change(screen.getByTestId('review-comment-input'), { target: { value: 'x'.repeat(2001) } });
    fireEvent.click(screen.getByTestId('review-reject'));
    expect((await screen.findByTestId('review-errors')).textContent).toContain(ERROR_SENTENCES.VALIDATION);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the review to everybody but offers no buttons on one\'s own annotation or without the right', () => {
    const review = { decision: 'REJECTED' as const, comment: 'Wrong label', reviewer: { id: 'rita', displayName: 'Rita' }, reviewedAt: '2030-01-02T00:00:00Z' };
    render(<ReviewControls taskId="t1" annotation={annotation(review)} canReview meId="ann" onReviewed={() => {}} />);
    expect(screen.getByTestId('review-state').dataset.reviewState).toBe('REJECTED');
    expect(screen.getByTestId('review-comment').textContent).toBe('Wrong label');
    expect(screen.getByTestId('review-by').textContent).toContain('Rita');
    expect(screen.queryByTestId('review-form')).toBeNull();
    cleanup();
    render(<ReviewControls taskId="t1" annotation={annotation()} canReview={false} meId="victor" onReviewed={() => {}} />);
    expect(screen.queryByTestId('review-form')).toBeNull();
  });
});
