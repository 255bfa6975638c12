package io.labelledger.task.read;

import java.time.Instant;

/**
 * A live annotation; {@code result} is JSON text. {@code configVersion} is the labeling config version its result
 * was validated against (null when unknown: recorded before versions were kept and not resolved). {@code review} is
 * its latest review since its last change; null while pending review. {@code groundTruth}: it is the task's
 * ground-truth annotation (ADR 0022).
 */
public record AnnotationView(String id, String taskId, String authorId, String result, Double leadTimeSeconds,
                             Instant createdAt, Instant updatedAt, String projectId, Integer configVersion, ReviewView review,
                             boolean groundTruth) {
    public AnnotationView(String id, String taskId, String authorId, String result, Double leadTimeSeconds,
                          Instant createdAt, Instant updatedAt, String projectId, Integer configVersion) {
        this(id, taskId, authorId, result, leadTimeSeconds, createdAt, updatedAt, projectId, configVersion, null, false);
    }

    public AnnotationView(String id, String taskId, String authorId, String result, Double leadTimeSeconds,
                          Instant createdAt, Instant updatedAt) {
        this(id, taskId, authorId, result, leadTimeSeconds, createdAt, updatedAt, null, null);
    }

    public AnnotationView inProject(String project) {
        return new AnnotationView(id, taskId, authorId, result, leadTimeSeconds, createdAt, updatedAt, project, configVersion, review, groundTruth);
    }

    public AnnotationView reviewed(ReviewView review) {
        return new AnnotationView(id, taskId, authorId, result, leadTimeSeconds, createdAt, updatedAt, projectId, configVersion, review, groundTruth);
    }

    public AnnotationView withGroundTruth(boolean mark) {
        return new AnnotationView(id, taskId, authorId, result, leadTimeSeconds, createdAt, updatedAt, projectId, configVersion, review, mark);
    }
}
