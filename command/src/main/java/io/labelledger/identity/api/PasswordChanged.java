package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** The person changed their password (never recorded); their other browser sessions ended. */
@Revision("1")
public record PasswordChanged(OrganizationId organizationId, UserId userId) {}
