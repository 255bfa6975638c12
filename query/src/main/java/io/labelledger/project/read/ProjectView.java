package io.labelledger.project.read;

import java.time.Instant;

public record ProjectView(String id, String organizationId, String title, String description, String labelConfig,
                          int labelConfigVersion, String createdBy, Instant createdAt, long taskCount,
                          long completedCount, long annotationCount, String workspaceId, boolean mediaProxy) {}
