package io.labelledger.organization.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The workspaces whose membership a group grants its members, all of them after the change (sorted). A new event
 * rather than a field of GroupChanged, so that released events keep their shape (docs/adr/0020).
 */
@Revision("1")
public record GroupWorkspacesChanged(GroupId groupId, OrganizationId organizationId, List<WorkspaceId> workspaces,
                                     IdentitySource source) {}
