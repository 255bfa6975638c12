package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * An identity source creates a group. {@code role} is the organization role the group grants its members (null: the
 * group grants none); a member's role is the highest role among their groups. {@code workspaces}: the workspaces
 * whose membership the group grants (docs/adr/0020); {@code projects}: the projects whose membership it grants, with
 * a project role each (docs/adr/0023).
 */
public record CreateGroup(@TargetAggregateIdentifier GroupId groupId, OrganizationId organizationId, String displayName,
                          String externalId, OrganizationRole role, Set<UserId> members, IdentitySource source,
                          Set<WorkspaceId> workspaces, Set<ProjectGrant> projects) {
    public CreateGroup {
        workspaces = workspaces == null ? Set.of() : Set.copyOf(workspaces);
        projects = projects == null ? Set.of() : Set.copyOf(projects);
    }

    public CreateGroup(GroupId groupId, OrganizationId organizationId, String displayName, String externalId,
                       OrganizationRole role, Set<UserId> members, IdentitySource source, Set<WorkspaceId> workspaces) {
        this(groupId, organizationId, displayName, externalId, role, members, source, workspaces, Set.of());
    }

    public CreateGroup(GroupId groupId, OrganizationId organizationId, String displayName, String externalId,
                       OrganizationRole role, Set<UserId> members, IdentitySource source) {
        this(groupId, organizationId, displayName, externalId, role, members, source, Set.of(), Set.of());
    }
}
