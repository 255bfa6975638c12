package io.labelledger.identity.scim;

import java.time.Instant;

/** A SCIM token as the organization's Owners and Admins see it (never its secret). */
public record ScimTokenView(String id, String name, Instant createdAt, Instant lastUsedAt) {}
