package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** The project's settings from now on (all of them, not a diff), numbered like the labeling config: 1, 2, 3... */
/* revision 2: the review section has reviewersSeeDataManager (ProjectSettingsChangedReviewersUpcaster) */
@Revision("2")
public record ProjectSettingsChanged(ProjectId projectId, OrganizationId organizationId, ProjectSettings settings, int settingsVersion,
                                     UserId by) {}
