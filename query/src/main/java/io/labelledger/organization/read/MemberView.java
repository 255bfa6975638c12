package io.labelledger.organization.read;

import java.time.Instant;

public record MemberView(String userId, String email, String displayName, String role, boolean active, Instant joinedAt) {}
