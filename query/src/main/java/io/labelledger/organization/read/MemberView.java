package io.labelledger.organization.read;

import java.time.Instant;

/** A member with their activity: last sign-in (any organization) and last annotation in this organization. */
public record MemberView(String userId, String email, String displayName, String role, boolean active, Instant joinedAt,
                         Instant lastLoginAt, Instant lastAnnotationAt) {}
