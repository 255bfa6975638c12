package io.labelledger.audit.read;

import java.time.Instant;

public record AuditEntryView(long position, String eventId, String eventType, String aggregateType, String aggregateId,
                             String actorId, String clientIp, Instant occurredAt, String payload, String hash) {}
