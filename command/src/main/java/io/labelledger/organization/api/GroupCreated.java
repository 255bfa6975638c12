package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A group was created with its role mapping (null: none) and first members (user ids only, no personal data). */
@Revision("1")
public record GroupCreated(GroupId groupId, OrganizationId organizationId, String displayName, String externalId,
                           OrganizationRole role, List<UserId> members, IdentitySource source) {}
