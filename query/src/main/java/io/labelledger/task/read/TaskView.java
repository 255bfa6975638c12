package io.labelledger.task.read;

import java.time.Instant;

/** A Data Manager row. {@code data} and {@code predictions} are JSON text. */
public record TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                       int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt) {}
