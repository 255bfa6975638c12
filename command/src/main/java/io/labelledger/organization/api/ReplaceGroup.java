package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Set;

/**
 * An identity source states the whole group (SCIM PUT, and PATCH once its operations are applied). Only the
 * differences are recorded. {@code expectedVersion} (the group's last event sequence, its SCIM meta.version) makes
 * a stale write fail instead of overwriting; null skips the check. {@code workspaces}: the workspaces whose
 * membership the group grants (docs/adr/0020); {@code projects}: the projects it grants with a role each (docs/adr/0023).
 */
public record ReplaceGroup(@TargetAggregateIdentifier GroupId groupId, @TargetAggregateVersion Long expectedVersion,
                           OrganizationId organizationId, String displayName, String externalId, OrganizationRole role,
                           Set<UserId> members, IdentitySource source, Set<WorkspaceId> workspaces, Set<ProjectGrant> projects) {
    public ReplaceGroup {
        workspaces = workspaces == null ? Set.of() : Set.copyOf(workspaces);
        projects = projects == null ? Set.of() : Set.copyOf(projects);
    }

    public ReplaceGroup(GroupId groupId, Long expectedVersion, OrganizationId organizationId, String displayName,
                        String externalId, OrganizationRole role, Set<UserId> members, IdentitySource source,
                        Set<WorkspaceId> workspaces) {
        this(groupId, expectedVersion, organizationId, displayName, externalId, role, members, source, workspaces, Set.of());
    }

    public ReplaceGroup(GroupId groupId, Long expectedVersion, OrganizationId organizationId, String displayName,
                        String externalId, OrganizationRole role, Set<UserId> members, IdentitySource source) {
        this(groupId, expectedVersion, organizationId, displayName, externalId, role, members, source, Set.of(), Set.of());
    }
}
