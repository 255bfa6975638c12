package io.labelledger.task.read;

import java.time.Instant;

/**
 * A comment on an annotation (or one of its regions). A deleted one keeps its place in the thread: {@code deleted}
 * true, {@code text} null.
 */
public record CommentView(String id, String taskId, String annotationId, String regionId, String parentId, String authorId,
                          String text, boolean resolved, String resolvedById, Instant resolvedAt, boolean deleted,
                          Instant createdAt, Instant updatedAt) {}
