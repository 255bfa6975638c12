package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Allowed to the comment's author, and to {@code moderator}s (organization role Manager or above, ADR 0032); a comment on
 * another person's annotation is "not found" to a caller who sees only their own ({@code onlyOwnAnnotations}, blind labeling).
 */
public record DeleteComment(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, CommentId commentId, UserId by,
                         boolean moderator, boolean onlyOwnAnnotations) {}
