package io.labelledger.task.read;

import java.time.Instant;

/** A live annotation; {@code result} is JSON text. */
public record AnnotationView(String id, String taskId, String authorId, String result, Double leadTimeSeconds,
                             Instant createdAt, Instant updatedAt) {}
