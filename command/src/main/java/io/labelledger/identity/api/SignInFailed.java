package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/**
 * A sign-in was refused, recorded for an organization's auditors. {@code userId} is the account's id when the email
 * belongs to a member; null when nobody is known by it (nothing personal about an unknown person is kept: no email).
 * {@code reason}: WRONG_CREDENTIALS, UNKNOWN_ACCOUNT, NO_ACCESS, DEACTIVATED.
 */
@Revision("1")
public record SignInFailed(OrganizationId organizationId, UserId userId, SignInMethod method, String reason) {}
