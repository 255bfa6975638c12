package io.labelledger.audit.read;

import java.time.Instant;

/**
 * One audit entry: {@code seq} is the organization's entry number (1, 2, 3... without gaps), {@code position} the
 * event store's global index; {@code summary} names people as {@code @{userId}} (the API puts their names in);
 * {@code canonical} is the hashed form exactly as stored, {@code hash} = SHA-256(prevHash + "\n" + canonical).
 */
public record AuditEntryView(long position, long seq, String eventId, String eventType, String aggregateType, String aggregateId,
                             String objectLabel, String actorId, String clientIp, Instant occurredAt, String payload, String summary,
                             String prevHash, String hash, String canonical) {}
