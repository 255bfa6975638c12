// Review states and who may review what (mirrors the server's rules; the server decides).
import type { Annotation, ReviewState } from '../shared/api/types';

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  NONE: 'Not annotated',
  PENDING: 'Pending review',
  REJECTED: 'Rejected',
  ACCEPTED: 'Accepted',
};

export const MAX_REVIEW_COMMENT = 2000;

/** An annotation's own state: its latest review, or pending. */
export function annotationReviewState(a: Pick<Annotation, 'review'>): ReviewState {
  const decision = a.review?.decision;
  if (!decision) return 'PENDING';
  return decision === 'REJECTED' ? 'REJECTED' : 'ACCEPTED';
}

/** Accept / Reject is offered for others' annotations where the caller may review; nobody reviews their own. */
export function canReviewAnnotation(canReview: boolean | undefined, a: Pick<Annotation, 'author'>, meId: string | undefined): boolean {
  return canReview === true && meId !== undefined && a.author.id !== meId;
}

/** The comment as sent: trimmed, null when blank; an error message when too long. */
export function reviewComment(text: string): { comment: string | null; error: string | null } {
  const trimmed = text.trim();
  if (trimmed.length > MAX_REVIEW_COMMENT) return { comment: null, error: `A comment has at most ${MAX_REVIEW_COMMENT} characters.` };
  return { comment: trimmed === '' ? null : trimmed, error: null };
}
