package io.labelledger.identity.account;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;

/**
 * A person acting in one organization with a role, as the identity context finds them (a sign-in, a token, the
 * directory at every request). The API turns it into its principal ({@code io.labelledger.api.Caller}); the identity
 * services know nothing of HTTP or sessions.
 */
public record Actor(String userId, String organizationId, String role, String email, String displayName) {
    public UserId user() { return new UserId(userId); }

    public OrganizationId organization() { return new OrganizationId(organizationId); }
}
