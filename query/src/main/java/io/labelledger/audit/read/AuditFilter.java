package io.labelledger.audit.read;

import java.time.Instant;

/** Optional filters; null means "any". */
public record AuditFilter(String actorId, String eventType, String aggregateId, Instant from, Instant to) {
    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
}
