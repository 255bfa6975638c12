package io.labelledger.organization.api;

import org.axonframework.serialization.Revision;

/** The group is gone; the role it granted no longer counts for its former members. */
@Revision("1")
public record GroupDeleted(GroupId groupId, OrganizationId organizationId, IdentitySource source) {}
