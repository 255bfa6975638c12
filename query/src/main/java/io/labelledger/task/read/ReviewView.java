package io.labelledger.task.read;

import java.time.Instant;

/** The latest review of an annotation since its last change: ACCEPTED or REJECTED, by whom, when, with what comment. */
public record ReviewView(String decision, String comment, String reviewerId, Instant reviewedAt) {}
