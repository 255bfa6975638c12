package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Members were added to and/or removed from a group. */
@Revision("1")
public record GroupMembersChanged(GroupId groupId, OrganizationId organizationId, List<UserId> added, List<UserId> removed,
                                  IdentitySource source) {}
