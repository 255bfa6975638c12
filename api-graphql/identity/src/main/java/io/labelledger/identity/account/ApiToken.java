package io.labelledger.identity.account;

import java.time.Instant;

/** A personal API token as its owner sees it (never its secret). */
public record ApiToken(String id, String name, Instant createdAt, Instant lastUsedAt) {}
