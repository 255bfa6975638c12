package io.labelledger.audit.log;

import io.labelledger.task.api.DraftSaved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** This instance's batch in the unit of work's resources (a rebuild's shadow instance keeps its own). */
    private final String pending = "audit-log-pending@" + Integer.toHexString(System.identityHashCode(this));

    public AuditLogProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Every event of a processor batch is written when the batch prepares its commit (ADR 0048): an import of 1,000
     * tasks with 3 annotations each is 4,000 events, and four statements per event (redelivery check, global index,
     * previous hash, insert) made this projection the seed's busiest (docs/benchmarks.md). The batch now takes four
     * statements in all, plus one previous-hash read per organization. Order and content are those of one event at a
     * time, so the chain is the same, and a replay rebuilds it identically. Without a unit of work (a direct call), the
     * event is written at once.
     */
    @EventHandler
    void on(EventMessage<?> event) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(List.of(event));
            return;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        List<EventMessage<?>> batch = unit.getResource(pending);
        if (batch == null) {
            List<EventMessage<?>> created = new ArrayList<>();
            unit.resources().put(pending, created);
            unit.onPrepareCommit(u -> {
                List<EventMessage<?>> events = List.copyOf(created);
                created.clear();
                write(events);
            });
            batch = created;
        }
        batch.add(event);
    }

    private void write(List<EventMessage<?>> events) {
        if (events.isEmpty()) return;
        String[] ids = events.stream().map(EventMessage::getIdentifier).toArray(String[]::new);
        Set<String> recorded = new HashSet<>(jdbc.queryForList("SELECT event_id FROM audit_log WHERE event_id = ANY(?)", String.class,
                (Object) ids));
        // the event's own global index: a tracking token's position is the highest index seen, which differs for an
        // event that filled a gap (committed late by a concurrent transaction)
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier = ANY(?)",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> positions.put(rs.getString(1), rs.getLong(2)), (Object) ids);
        Map<String, String> lastHash = new HashMap<>();
        List<Entry> accepted = new ArrayList<>();
        List<String> prevHashes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (EventMessage<?> event : events) {
            if (!recorded.add(event.getIdentifier())) continue; // redelivery
            if (event.getPayload() instanceof DraftSaved draft && coalesced(draft, event.getTimestamp(), accepted)) continue;
            JsonNode payload = json.valueToTree(event.getPayload());
            String organizationId = text(event.getMetaData().get("organizationId"));
            if (organizationId == null) organizationId = payload.path("organizationId").asString(null);
            if (organizationId == null) continue; // every LabelLedger event belongs to an organization
            String aggregateType = event instanceof DomainEventMessage<?> d ? d.getType() : "none";
            String aggregateId = event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : event.getIdentifier();
            Long position = positions.get(event.getIdentifier());
            if (position == null) throw new IllegalStateException("Event " + event.getIdentifier() + " is not in the event store");
            Entry entry = new Entry(position, event.getIdentifier(), organizationId, text(event.getMetaData().get("actorId")),
                    text(event.getMetaData().get("clientIp")), text(event.getMetaData().get("correlationId")),
                    event.getPayloadType().getSimpleName(), aggregateType, aggregateId, json.writeValueAsString(payload),
                    event.getTimestamp());
            String prevHash = lastHash.computeIfAbsent(organizationId, org -> {
                List<String> previous = jdbc.queryForList(
                        "SELECT hash FROM audit_log WHERE organization_id = ? ORDER BY position DESC LIMIT 1", String.class, org);
                return previous.isEmpty() ? GENESIS : previous.getFirst();
            });
            String hash = hash(prevHash, entry);
            lastHash.put(organizationId, hash);
            accepted.add(entry);
            prevHashes.add(prevHash);
            hashes.add(hash);
        }
        if (accepted.isEmpty()) return;
        jdbc.batchUpdate("""
                INSERT INTO audit_log (position, event_id, organization_id, actor_id, client_ip, correlation_id, event_type,
                                       aggregate_type, aggregate_id, payload, occurred_at, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                        Entry entry = accepted.get(i);
                        ps.setLong(1, entry.position);
                        ps.setString(2, entry.eventId);
                        ps.setString(3, entry.organizationId);
                        ps.setString(4, entry.actorId);
                        ps.setString(5, entry.clientIp);
                        ps.setString(6, entry.correlationId);
                        ps.setString(7, entry.eventType);
                        ps.setString(8, entry.aggregateType);
                        ps.setString(9, entry.aggregateId);
                        ps.setString(10, entry.payload);
                        ps.setTimestamp(11, java.sql.Timestamp.from(entry.occurredAt));
                        ps.setString(12, prevHashes.get(i));
                        ps.setString(13, hashes.get(i));
                    }

                    @Override
                    public int getBatchSize() { return accepted.size(); }
                });
    }

    /**
     * Autosave must not flood the log (ADR 0032): a person's draft save on a task is recorded when it is their first
     * there or when their latest recorded one is at least {@link #DRAFT_SAVE_INTERVAL} older in event time. Decided
     * from the log of earlier events only (those already written, and those accepted earlier in the same batch), so a
     * replay records the same entries and the same chain.
     */
    private boolean coalesced(DraftSaved draft, Instant at, List<Entry> acceptedInBatch) {
        Instant since = at.minus(DRAFT_SAVE_INTERVAL);
        for (Entry e : acceptedInBatch) {
            if (e.eventType.equals("DraftSaved") && e.aggregateId.equals(draft.taskId().value()) && e.occurredAt.isAfter(since)
                    && e.organizationId.equals(draft.organizationId().value())
                    && draft.by().value().equals(json.readTree(e.payload).path("by").asString(null))) {
                return true;
            }
        }
        Integer recent = jdbc.queryForObject("""
                SELECT count(*) FROM audit_log WHERE aggregate_id = ? AND event_type = 'DraftSaved' AND occurred_at > ?
                AND organization_id = ? AND payload ->> 'by' = ?""", Integer.class,
                draft.taskId().value(), java.sql.Timestamp.from(since), draft.organizationId().value(),
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
