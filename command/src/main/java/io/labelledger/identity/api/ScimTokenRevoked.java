package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ScimTokenRevoked(OrganizationId organizationId, String tokenId, UserId by) {}
