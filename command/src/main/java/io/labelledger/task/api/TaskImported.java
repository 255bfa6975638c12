package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * Revision 2 added {@code intId}, the task's integer id, and each prediction's {@code intId} (Label Studio's REST API,
 * ADR 0050); revision 1 events read back with null: the read side numbers the task by the event's global index, and
 * such predictions have none.
 */
@Revision("2")
public record TaskImported(TaskId taskId, ProjectId projectId, OrganizationId organizationId, ImportId importId, long number, JsonNode data,
                           List<Prediction> predictions, UserId by, Long intId) {
    public TaskImported(TaskId taskId, ProjectId projectId, OrganizationId organizationId, ImportId importId, long number, JsonNode data,
                        List<Prediction> predictions, UserId by) {
        this(taskId, projectId, organizationId, importId, number, data, predictions, by, null);
    }
}
