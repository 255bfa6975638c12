package io.labelledger.project.config;

import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;

/** Labeling configs looked up on behalf of a caller: another organization's project is not found. */
public interface OrganizationLabelingConfigs extends LabelingConfigs {
    LabelingConfig current(ProjectId projectId, OrganizationId caller);
}
