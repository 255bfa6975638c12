package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Adds several members at once (bulk membership): all of them or, when one is not a member of the organization, none.
 * {@code source}: null when a person adds them ({@code by} must manage the workspace); an identity source (SCIM group,
 * SAML mapping) otherwise, which the organization trusts like its {@link ProvisionMember} and which has no {@code by}.
 */
public record AddWorkspaceMembers(@TargetAggregateIdentifier OrganizationId organizationId, WorkspaceId workspaceId,
                                  List<UserId> userIds, UserId by, IdentitySource source) {
    public AddWorkspaceMembers(OrganizationId organizationId, WorkspaceId workspaceId, List<UserId> userIds, UserId by) {
        this(organizationId, workspaceId, userIds, by, null);
    }
}
