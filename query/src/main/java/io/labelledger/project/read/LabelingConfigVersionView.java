package io.labelledger.project.read;

import java.time.Instant;

/** One version of a project's labeling config, as it was set (version 1 at creation). */
public record LabelingConfigVersionView(String projectId, int version, String xml, Instant createdAt) {}
