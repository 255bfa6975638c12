package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;
import tools.jackson.databind.JsonNode;

import java.util.List;

@Revision("1")
public record AnnotationDeleted(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId, UserId by) {}
