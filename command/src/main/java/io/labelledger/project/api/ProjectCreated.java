package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/**
 * Revision 2 added {@code intId}, the project's integer id (Label Studio's REST API, ADR 0050); revision 1 events read
 * back with null, and the read side numbers them by the event's global index.
 */
@Revision("2")
public record ProjectCreated(ProjectId projectId, OrganizationId organizationId, String title, String description, String labelConfig,
                             int labelConfigVersion, UserId by, Long intId) {
    public ProjectCreated(ProjectId projectId, OrganizationId organizationId, String title, String description, String labelConfig,
                          int labelConfigVersion, UserId by) {
        this(projectId, organizationId, title, description, labelConfig, labelConfigVersion, by, null);
    }
}
