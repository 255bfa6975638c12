package io.labelledger.audit.read;

import java.time.Instant;

/** An entry of an audit export: its link, its readable columns and the event store's row exactly as stored. */
public record AuditExportRow(long seq, long globalSeq, String prevHash, String hash, String canonical,
                             long globalIndex, String aggregateId, long aggregateSequence, String aggregateType, String eventId,
                             String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metadata,
                             Instant occurredAt, String eventType, String actorId, String clientIp, String objectLabel, String summary) {}
