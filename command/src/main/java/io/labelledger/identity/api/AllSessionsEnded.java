package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** The person signed out everywhere: every browser session but the one asking ended (the UI then signs out of that one). */
@Revision("1")
public record AllSessionsEnded(OrganizationId organizationId, UserId userId) {}
