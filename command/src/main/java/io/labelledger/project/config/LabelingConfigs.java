package io.labelledger.project.config;

import io.labelledger.project.api.ProjectId;

/** The current labeling config of a project, as the write side needs it to validate results. */
@FunctionalInterface
public interface LabelingConfigs {
    /**
     * The current config and its version, which annotation events record.
     *
     * @throws io.labelledger.shared.NotFound when the project does not exist
     */
    VersionedConfig versioned(ProjectId projectId);

    /** @throws io.labelledger.shared.NotFound when the project does not exist */
    default LabelingConfig current(ProjectId projectId) { return versioned(projectId).config(); }
}
