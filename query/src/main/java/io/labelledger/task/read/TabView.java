package io.labelledger.task.read;

import java.time.Instant;

/** A saved Data Manager view (ADR 0038): {@code view} is JSON text ({"filter": ..., "orderBy": ..., "columns": [...]}). */
public record TabView(String id, String projectId, String ownerId, String title, boolean shared, int position, String view,
                      Instant createdAt, Instant updatedAt, String updatedBy) {}
