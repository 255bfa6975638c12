package io.labelledger.organization.api;

import org.axonframework.serialization.Revision;

/** The group's name, external id or role mapping changed; the values are those after the change. */
@Revision("1")
public record GroupChanged(GroupId groupId, OrganizationId organizationId, String displayName, String externalId,
                           OrganizationRole role, IdentitySource source) {}
