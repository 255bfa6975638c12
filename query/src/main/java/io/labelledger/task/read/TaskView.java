package io.labelledger.task.read;

import java.time.Instant;

/** A Data Manager row. {@code data} and {@code predictions} are JSON text; {@code groundTruth}: one of its annotations is ground truth. */
public record TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                       int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt, boolean groundTruth) {
    public TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                    int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt) {
        this(id, projectId, number, data, predictions, annotationCount, skipCount, predictionCount, completed, createdAt, updatedAt, false);
    }
}
