package io.labelledger.audit.read;

import java.time.Instant;

/** Optional filters; null means "any". {@code aggregateId} matches the entry's object or an id its event names; {@code clientIp} any form of one address. */
public record AuditFilter(String actorId, String eventType, String aggregateId, Instant from, Instant to, String clientIp) {
    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);
}
