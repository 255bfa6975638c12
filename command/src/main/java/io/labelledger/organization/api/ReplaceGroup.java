package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Set;

/**
 * An identity source states the whole group (SCIM PUT, and PATCH once its operations are applied). Only the
 * differences are recorded. {@code expectedVersion} (the group's last event sequence, its SCIM meta.version) makes
 * a stale write fail instead of overwriting; null skips the check. {@code workspaces}: the workspaces whose
 * membership the group grants (docs/adr/0020).
 */
public record ReplaceGroup(@TargetAggregateIdentifier GroupId groupId, @TargetAggregateVersion Long expectedVersion,
                           OrganizationId organizationId, String displayName, String externalId, OrganizationRole role,
                           Set<UserId> members, IdentitySource source, Set<WorkspaceId> workspaces) {
    public ReplaceGroup {
        workspaces = workspaces == null ? Set.of() : Set.copyOf(workspaces);
    }

    public ReplaceGroup(GroupId groupId, Long expectedVersion, OrganizationId organizationId, String displayName,
                        String externalId, OrganizationRole role, Set<UserId> members, IdentitySource source) {
        this(groupId, expectedVersion, organizationId, displayName, externalId, role, members, source, Set.of());
    }
}
