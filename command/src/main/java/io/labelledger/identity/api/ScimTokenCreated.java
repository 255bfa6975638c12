package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** A SCIM token was created; it acts with {@code by}'s current rights (docs/adr/0026). */
@Revision("1")
public record ScimTokenCreated(OrganizationId organizationId, String tokenId, String name, UserId by) {}
