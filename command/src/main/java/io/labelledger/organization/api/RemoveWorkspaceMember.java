package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code source}: null when a person removes the member, else the identity source withdrawing its grant (no {@code by}). */
public record RemoveWorkspaceMember(@TargetAggregateIdentifier OrganizationId organizationId, WorkspaceId workspaceId, UserId userId,
                                    UserId by, IdentitySource source) {
    public RemoveWorkspaceMember(OrganizationId organizationId, WorkspaceId workspaceId, UserId userId, UserId by) {
        this(organizationId, workspaceId, userId, by, null);
    }
}
