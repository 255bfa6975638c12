package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Marks a live annotation of the task as its ground truth ({@code groundTruth} true; another one loses the mark) or
 * takes the mark away (false). A task has at most one ground-truth annotation (ADR 0022).
 */
public record SetGroundTruth(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, AnnotationId annotationId,
                             boolean groundTruth, UserId by) {}
