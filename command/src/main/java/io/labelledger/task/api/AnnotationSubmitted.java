package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;


/**
 * Revision 2 added {@code configVersion}: the labeling config version the result was validated against. Revision 1
 * events are upcast with null (unknown); the read side then resolves it from the event's time. Revision 3 added
 * {@code intId}, the annotation's integer id (ADR 0050; null before: the read side numbers it by the global index).
 */
@Revision("3")
public record AnnotationSubmitted(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId, JsonNode result,
                                  Double leadTimeSeconds, UserId by, Integer configVersion, Long intId) {
    public AnnotationSubmitted(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId, JsonNode result,
                               Double leadTimeSeconds, UserId by, Integer configVersion) {
        this(taskId, projectId, organizationId, annotationId, result, leadTimeSeconds, by, configVersion, null);
    }
}
