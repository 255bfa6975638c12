package io.labelledger.project.config;

/** A project's labeling config with its version (1 at creation, +1 per LabelingConfigChanged). */
public record VersionedConfig(int version, LabelingConfig config) {}
