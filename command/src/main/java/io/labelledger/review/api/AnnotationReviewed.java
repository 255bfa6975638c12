package io.labelledger.review.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.TaskId;
import org.axonframework.serialization.Revision;

/**
 * A reviewer accepted or rejected an annotation. The latest review of an annotation is its review state until the
 * author changes it ({@code AnnotationUpdated} makes it pending again). {@code comment} is null when none was given.
 */
@Revision("1")
public record AnnotationReviewed(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId,
                                 ReviewDecision decision, String comment, UserId by) {}
