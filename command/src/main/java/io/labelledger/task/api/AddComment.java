package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A comment on an annotation, optionally on one of its regions ({@code regionId}: the Label Studio result item's
 * {@code id}), optionally a reply ({@code parentId}: a comment of the same annotation). ADR 0032.
 * {@code onlyOwnAnnotations}: the caller sees only their own annotations in the project (blind labeling, decided from
 * the session and the project's settings); another person's annotation is then "not found" to them.
 */
public record AddComment(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, CommentId commentId,
                         AnnotationId annotationId, String regionId, CommentId parentId, String text, UserId by,
                         boolean onlyOwnAnnotations) {
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_REGION_ID = 200;
}
