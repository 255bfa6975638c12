package io.labelledger.organization.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The projects whose membership a group grants its members and the project role for each, all of them after the
 * change (sorted by project id). A new event beside {@link GroupWorkspacesChanged}, so that released events keep
 * their shape (docs/adr/0023).
 */
@Revision("1")
public record GroupProjectsChanged(GroupId groupId, OrganizationId organizationId, List<ProjectGrant> projects,
                                   IdentitySource source) {}
