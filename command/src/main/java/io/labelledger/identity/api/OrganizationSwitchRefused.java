package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/**
 * A session bound to {@code organizationId} (its IdP, directory or SCIM-bound identity vouched for the person) tried
 * to move into {@code requestedOrganizationId}, which that authentication is not valid for (docs/adr/0026). Recorded
 * in the bound organization's log: the requested id comes from the client and may name any organization.
 */
@Revision("1")
public record OrganizationSwitchRefused(OrganizationId organizationId, UserId userId, OrganizationId requestedOrganizationId) {}
