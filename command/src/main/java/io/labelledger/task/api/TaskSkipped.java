package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** Revision 2 adds the skipper's comment (null: none; revision 1 events read back with null, ADR 0036). */
@Revision("2")
public record TaskSkipped(TaskId taskId, ProjectId projectId, OrganizationId organizationId, UserId by, String comment) {
    public TaskSkipped(TaskId taskId, ProjectId projectId, OrganizationId organizationId, UserId by) {
        this(taskId, projectId, organizationId, by, null);
    }
}
