package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

/**
 * An annotation that came inside an imported task (a Label Studio export), attributed to the importing user
 * {@code by}. The original author of another system is not kept: it is a foreign id or personal data (ADR 0006).
 * Revision 2 added {@code configVersion} (the labeling config version it was validated against; null when upcast
 * from revision 1).
 */
@Revision("2")
public record AnnotationImported(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId,
                                 ImportId importId, JsonNode result, Double leadTimeSeconds, UserId by, Integer configVersion) {}
