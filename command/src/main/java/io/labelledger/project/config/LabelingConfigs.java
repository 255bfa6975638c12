package io.labelledger.project.config;

import io.labelledger.project.api.ProjectId;

/** The current labeling config of a project, as the write side needs it to validate results. */
@FunctionalInterface
public interface LabelingConfigs {
    /** @throws io.labelledger.shared.NotFound when the project does not exist */
    LabelingConfig current(ProjectId projectId);
}
