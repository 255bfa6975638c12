package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

/**
 * {@code by}'s draft on the task is gone: discarded by them ({@code annotationId} null), or superseded by their
 * submitted or updated annotation {@code annotationId} in the same command (ADR 0032).
 */
@Revision("1")
public record DraftDiscarded(TaskId taskId, ProjectId projectId, OrganizationId organizationId, UserId by,
                             AnnotationId annotationId) {}
