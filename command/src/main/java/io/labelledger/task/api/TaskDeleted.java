package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The task is gone from its project: no list, queue or export shows it any more and it takes no commands. Its events
 * stay (history and audit answer what it was and who deleted it). {@code annotationIds}: its live annotations then
 * (their labels no longer hold back a labeling config change).
 */
@Revision("1")
public record TaskDeleted(TaskId taskId, ProjectId projectId, OrganizationId organizationId, List<AnnotationId> annotationIds, UserId by) {
    public TaskDeleted {
        annotationIds = annotationIds == null ? List.of() : List.copyOf(annotationIds);
    }
}
