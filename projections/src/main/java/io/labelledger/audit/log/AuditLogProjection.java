package io.labelledger.audit.log;

import io.labelledger.task.api.DraftSaved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit log: every event with who, when, from where. Each organization's entries form a SHA-256 chain
 * (hash = H(previous hash, entry)), so a changed or deleted row breaks every hash after it. The chain is rebuilt
 * identically by replay because it depends only on the events and their order.
 */
@ProcessingGroup("audit-log")
public class AuditLogProjection {
    public static final String GENESIS = "0".repeat(64);
    /** At most one draft save per person and task in this much event time (ADR 0032). */
    public static final Duration DRAFT_SAVE_INTERVAL = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public AuditLogProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        Integer exists = jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE event_id = ?", Integer.class, event.getIdentifier());
        if (exists != null && exists > 0) return; // redelivery
        if (event.getPayload() instanceof DraftSaved draft && coalesced(draft, event.getTimestamp())) return;
        JsonNode payload = json.valueToTree(event.getPayload());
        String organizationId = text(event.getMetaData().get("organizationId"));
        if (organizationId == null) organizationId = payload.path("organizationId").asString(null);
        if (organizationId == null) return; // every LabelLedger event belongs to an organization
        String aggregateType = event instanceof DomainEventMessage<?> d ? d.getType() : "none";
        String aggregateId = event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : event.getIdentifier();
        // the event's own global index: a tracking token's position is the highest index seen, which differs for an
        // event that filled a gap (committed late by a concurrent transaction)
        Long position = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, event.getIdentifier());
        Entry entry = new Entry(position, event.getIdentifier(), organizationId, text(event.getMetaData().get("actorId")),
                text(event.getMetaData().get("clientIp")), text(event.getMetaData().get("correlationId")),
                event.getPayloadType().getSimpleName(), aggregateType, aggregateId, json.writeValueAsString(payload),
                event.getTimestamp());
        List<String> previous = jdbc.queryForList(
                "SELECT hash FROM audit_log WHERE organization_id = ? ORDER BY position DESC LIMIT 1", String.class, organizationId);
        String prevHash = previous.isEmpty() ? GENESIS : previous.getFirst();
        String hash = hash(prevHash, entry);
        jdbc.update("""
                INSERT INTO audit_log (position, event_id, organization_id, actor_id, client_ip, correlation_id, event_type,
                                       aggregate_type, aggregate_id, payload, occurred_at, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                entry.position, entry.eventId, entry.organizationId, entry.actorId, entry.clientIp, entry.correlationId,
                entry.eventType, entry.aggregateType, entry.aggregateId, entry.payload, java.sql.Timestamp.from(entry.occurredAt),
                prevHash, hash);
    }

    /**
     * Autosave must not flood the log (ADR 0032): a person's draft save on a task is recorded when it is their first
     * there or when their latest recorded one is at least {@link #DRAFT_SAVE_INTERVAL} older in event time. Decided
     * from the log of earlier events only, so a replay records the same entries and the same chain.
     */
    private boolean coalesced(DraftSaved draft, Instant at) {
        Integer recent = jdbc.queryForObject("""
                SELECT count(*) FROM audit_log WHERE aggregate_id = ? AND event_type = 'DraftSaved' AND occurred_at > ?
                AND organization_id = ? AND payload ->> 'by' = ?""", Integer.class,
                draft.taskId().value(), java.sql.Timestamp.from(at.minus(DRAFT_SAVE_INTERVAL)), draft.organizationId().value(),
                draft.by().value());
        return recent != null && recent > 0;
    }

    /** The chain link; {@code AuditChain} in the query side recomputes it to verify a log. */
    public static String hash(String prevHash, Entry e) {
        String canonical = String.join("\u001f", prevHash, Long.toString(e.position), e.eventId, e.organizationId,
                String.valueOf(e.actorId), String.valueOf(e.clientIp), e.eventType, e.aggregateType, e.aggregateId,
                e.payload, e.occurredAt.toString());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public record Entry(long position, String eventId, String organizationId, String actorId, String clientIp,
                        String correlationId, String eventType, String aggregateType, String aggregateId, String payload,
                        java.time.Instant occurredAt) {}
}
