package io.labelledger.task.read;

import java.time.Instant;

/**
 * A Data Manager row. {@code data} and {@code predictions} are JSON text. {@code reviewState}: NONE (no annotation),
 * PENDING (one awaits review), REJECTED (all reviewed, one rejected) or ACCEPTED (all accepted). {@code groundTruth}:
 * one of its annotations is ground truth (ADR 0022).
 */
public record TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                       int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt,
                       String reviewState, boolean groundTruth) {
    /** A row without a recorded review state (e.g. folded "as of" for an export): pending when annotated. */
    public TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                    int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt) {
        this(id, projectId, number, data, predictions, annotationCount, skipCount, predictionCount, completed, createdAt, updatedAt,
                annotationCount == 0 ? "NONE" : "PENDING", false);
    }

    public TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                    int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt, boolean groundTruth) {
        this(id, projectId, number, data, predictions, annotationCount, skipCount, predictionCount, completed, createdAt, updatedAt,
                annotationCount == 0 ? "NONE" : "PENDING", groundTruth);
    }
}
