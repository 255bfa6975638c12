import { useState } from 'react';
import { errorMessage } from '../shared/api/graphql';
import { request } from '../shared/api/query';
import { ReviewAnnotationMutation } from './operations';
import type { Annotation, ReviewDecision, ReviewState, TaskDetail, UserError } from '../shared/api/types';
import { annotationReviewState, canReviewAnnotation, MAX_REVIEW_COMMENT, REVIEW_STATE_LABELS, reviewComment } from './review';
import { formatDateTime } from '../shared/lib/format';
import { ErrorBox } from '../shared/components/Errors';

/** A review state as a small badge (Data Manager rows, annotations). */
export function ReviewBadge({ state, testId = 'review-state' }: { state: ReviewState; testId?: string }) {
  const tone = state === 'ACCEPTED' ? 'ok' : state === 'REJECTED' ? 'bad' : '';
  return (
    <span className={`badge review-${state.toLowerCase()} ${tone}`} data-testid={testId} data-review-state={state}>
      {REVIEW_STATE_LABELS[state]}
    </span>
  );
}

/**
 * One annotation's review: its state (and the reviewer's comment) for everybody; Accept / Reject with an optional
 * comment for people who may review here, on annotations that are not their own.
 */
export function ReviewControls({
  taskId,
  annotation,
  canReview,
  meId,
  onReviewed,
}: {
  taskId: string;
  annotation: Annotation;
  canReview: boolean | undefined;
  meId: string | undefined;
  onReviewed: (task: TaskDetail | null) => void;
}) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const review = annotation.review;

  async function decide(decision: ReviewDecision) {
    const checked = reviewComment(comment);
    if (checked.error) {
      setErrors([{ code: 'VALIDATION', field: ['comment'], message: checked.error }]);
      return;
    }
    setBusy(true);
    setErrors([]);
    setMessage(null);
    try {
      const r = await request(ReviewAnnotationMutation, { input: { taskId, annotationId: annotation.id, decision, comment: checked.comment } });
      if (r.reviewAnnotation.errors.length > 0) setErrors(r.reviewAnnotation.errors);
      else {
        setComment('');
        onReviewed(r.reviewAnnotation.task);
      }
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="review" data-testid="annotation-review">
      <div>
        <ReviewBadge state={annotationReviewState(annotation)} />
        {review && (
          <span className="muted small" data-testid="review-by">
            {' '}by {review.reviewer.displayName} · {formatDateTime(review.reviewedAt)}
          </span>
        )}
      </div>
      {review?.comment && <blockquote className="review-comment" data-testid="review-comment">{review.comment}</blockquote>}
      {canReviewAnnotation(canReview, annotation, meId) && (
        <div className="review-form" data-testid="review-form">
          <textarea
            rows={2}
            maxLength={MAX_REVIEW_COMMENT + 100}
            placeholder="Comment (optional)"
            value={comment}
            disabled={busy}
            onChange={(e) => setComment(e.target.value)}
            data-testid="review-comment-input"
          />
          <div className="actions">
            <button className="btn btn-primary" disabled={busy} onClick={() => void decide('ACCEPTED')} data-testid="review-accept">Accept</button>
            <button className="btn btn-danger" disabled={busy} onClick={() => void decide('REJECTED')} data-testid="review-reject">Reject</button>
          </div>
          <ErrorBox errors={errors} message={message} testId="review-errors" />
        </div>
      )}
    </div>
  );
}
