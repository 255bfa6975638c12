package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** A browser session moved from {@code from} into {@code organizationId}. */
@Revision("1")
public record OrganizationSwitched(OrganizationId organizationId, UserId userId, OrganizationId from) {}
