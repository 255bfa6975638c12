package io.labelledger.organization.read;

import java.time.Instant;

public record InvitationView(String id, String role, Instant expiresAt, String createdBy, Instant createdAt,
                             String acceptedBy, Instant acceptedAt, Instant revokedAt) {}
