package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Stops handing tasks to {@code userId} in the project and refuses their annotations until resumed; {@code reason} is
 * shown to them. A quality policy sends it with {@link PauseSource#POLICY} and its own actor.
 */
public record PauseAnnotator(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, UserId userId, String reason,
                             PauseSource source, UserId by) {
    public static final int MAX_REASON = 1_000;
}
