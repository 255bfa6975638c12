package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CommentReopened(TaskId taskId, ProjectId projectId, OrganizationId organizationId, CommentId commentId,
                           AnnotationId annotationId, UserId by) {}
