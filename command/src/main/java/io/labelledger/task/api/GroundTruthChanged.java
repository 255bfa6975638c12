package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.serialization.Revision;

/**
 * The task's ground truth changed: {@code annotationId} became it ({@code groundTruth} true) or stopped being it
 * (false). When the mark moved from another annotation, {@code replacedAnnotationId} names that one (it is no longer
 * ground truth; no second event is recorded), else null. Also recorded by an import for an annotation Label Studio
 * marked {@code "ground_truth": true}, right after its AnnotationImported. Deleting the ground-truth annotation
 * records no event of this type: the deletion clears the mark (ADR 0022).
 */
@Revision("1")
public record GroundTruthChanged(TaskId taskId, ProjectId projectId, OrganizationId organizationId, AnnotationId annotationId,
                                 boolean groundTruth, AnnotationId replacedAnnotationId, UserId by) {}
