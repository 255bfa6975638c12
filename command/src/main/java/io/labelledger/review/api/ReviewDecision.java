package io.labelledger.review.api;

/** A reviewer's verdict on one annotation. */
public enum ReviewDecision {
    ACCEPTED, REJECTED,
    /**
     * Only in commands: the reviewer's corrected result becomes the annotation's new version (recorded as an
     * {@code AnnotationUpdated} by the reviewer) and is accepted ({@code AnnotationReviewed} ACCEPTED) in the same
     * command; the original stays in the history (ADR 0032). Never recorded in an event.
     */
    FIX_AND_ACCEPT
}
