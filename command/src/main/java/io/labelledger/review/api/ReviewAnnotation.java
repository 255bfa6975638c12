package io.labelledger.review.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import tools.jackson.databind.JsonNode;

/**
 * Accept or reject one annotation of a task. {@code comment} is optional (trimmed, at most {@link #MAX_COMMENT}
 * characters). Who may review is decided by the API's policy (project role Reviewer, ADR 0021); the Task aggregate
 * guards the rest: the annotation is live and not the reviewer's own, and — unless the reviewer {@code runsProject}
 * (an Owner, Admin or Manager, who oversee every task) — the project's review rules (ADR 0048): a task assigned to
 * reviewers is theirs, with manual distribution a reviewer reviews only the tasks assigned to them, and "review only
 * tasks that reached their overlap" holds.
 */
public record ReviewAnnotation(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, AnnotationId annotationId,
                               ReviewDecision decision, String comment, UserId by, JsonNode result, Double leadTimeSeconds,
                               boolean runsProject) {
    public static final int MAX_COMMENT = 2_000;

    /** A reviewer bound by the project's review rules. */
    public ReviewAnnotation(TaskId taskId, OrganizationId organizationId, AnnotationId annotationId, ReviewDecision decision,
                            String comment, UserId by, JsonNode result, Double leadTimeSeconds) {
        this(taskId, organizationId, annotationId, decision, comment, by, result, leadTimeSeconds, false);
    }

    /** Accept or reject (no corrected result). */
    public ReviewAnnotation(TaskId taskId, OrganizationId organizationId, AnnotationId annotationId, ReviewDecision decision,
                            String comment, UserId by) {
        this(taskId, organizationId, annotationId, decision, comment, by, null, null);
    }
}
