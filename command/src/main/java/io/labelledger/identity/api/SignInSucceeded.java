package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/**
 * A person signed in and their session acts in {@code organizationId}. {@code authOrganizationId}: the organization
 * whose IdP or directory vouched for them (the session is bound to it, docs/adr/0026); null for a password sign-in of
 * a personal account.
 */
@Revision("1")
public record SignInSucceeded(OrganizationId organizationId, UserId userId, SignInMethod method, OrganizationId authOrganizationId) {}
