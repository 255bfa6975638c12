package io.labelledger.task.read;

import java.time.Instant;

/** An in-app notification of one person (ADR 0032); the ids let the UI deep-link to the task, annotation and region. */
public record NotificationView(String id, long position, String kind, String taskId, String projectId, String annotationId,
                               String regionId, String commentId, String actorId, Instant createdAt, boolean read) {}
