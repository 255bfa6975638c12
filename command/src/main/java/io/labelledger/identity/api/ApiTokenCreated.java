package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** A personal API token was created (its secret is never recorded; only our id and the name its owner gave it). */
@Revision("1")
public record ApiTokenCreated(OrganizationId organizationId, String tokenId, String name, UserId by) {}
