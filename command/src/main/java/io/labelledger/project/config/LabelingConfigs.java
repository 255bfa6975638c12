package io.labelledger.project.config;

import io.labelledger.project.api.ProjectId;

/** The current labeling config of a project, as the write side needs it to validate results. */
@FunctionalInterface
public interface LabelingConfigs {
    LabelingConfig current(ProjectId projectId);
}
