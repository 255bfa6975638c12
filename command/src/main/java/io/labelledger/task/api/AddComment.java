package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A comment on an annotation, optionally on one of its regions ({@code regionId}: the Label Studio result item's
 * {@code id}), optionally a reply ({@code parentId}: a comment of the same annotation). ADR 0032.
 */
public record AddComment(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, CommentId commentId,
                         AnnotationId annotationId, String regionId, CommentId parentId, String text, UserId by) {
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_REGION_ID = 200;
}
