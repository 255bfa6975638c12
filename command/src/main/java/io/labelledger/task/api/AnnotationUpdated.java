package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;


/**
 * Revision 2 added {@code configVersion}: the labeling config version the result was validated against. Revision 1
 * events are upcast with null (unknown); the read side then resolves it from the event's time.
 */
@Revision("2")
public record AnnotationUpdated(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId, JsonNode result, Double leadTimeSeconds, UserId by, Integer configVersion) {}
