package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

/** {@code regionId} and {@code parentId} are null for a comment on the whole annotation and for a thread's first comment. */
@Revision("1")
public record CommentAdded(TaskId taskId, ProjectId projectId, OrganizationId organizationId, CommentId commentId,
                           AnnotationId annotationId, String regionId, CommentId parentId, String text, UserId by) {}
