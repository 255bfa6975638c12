package io.labelledger.audit.log;

import io.labelledger.audit.api.AuditCheckpointSigned;
import io.labelledger.audit.chain.AuditChain;
import io.labelledger.audit.chain.AuditChain.StoredEvent;
import io.labelledger.task.api.DraftSaved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The audit log (ADR 0051): every event with who, when, from where and what it changed, numbered per organization
 * without gaps, each entry a link of two SHA-256 chains (the organization's and the installation's) over a canonical
 * form of the event store's own row ({@link AuditChain}).
 * <p>The links ({@code audit_chain}, {@code audit_chain_head}) are written once and never again: a rebuild or a
 * redelivery finds the event's link, recomputes its canonical form from the event store and stops the processor
 * ({@link AuditChainBroken}) when they differ, instead of rewriting it. A rebuild that has lost the links recomputes
 * them and stops at the first signed checkpoint ({@link AuditCheckpointSigned}) whose head it does not reproduce.
 * The readable rows ({@code audit_log}, the labels in {@code audit_object}, the checkpoints in
 * {@code audit_checkpoint}) are an ordinary rebuildable projection.
 */
@ProcessingGroup("audit-log")
public class AuditLogProjection {
    public static final String GENESIS = AuditChain.GENESIS;
    /** At most one draft save per person and task in this much event time (ADR 0032). */
    public static final Duration DRAFT_SAVE_INTERVAL = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public AuditLogProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The event store disagrees with the audit chain: the processor stops here (it retries, and never rewrites a link). */
    public static class AuditChainBroken extends IllegalStateException {
        public AuditChainBroken(String message) {
            super(message);
        }
    }

    @EventHandler
    void on(EventMessage<?> event) {
        Integer exists = jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE event_id = ?", Integer.class, event.getIdentifier());
        if (exists != null && exists > 0) return; // redelivery
        if (event.getPayload() instanceof AuditCheckpointSigned checkpoint) checkpoint(checkpoint, event.getIdentifier());
        if (event.getPayload() instanceof DraftSaved draft && coalesced(draft, event.getTimestamp())) return;
        JsonNode payload = json.valueToTree(event.getPayload());
        String organizationId = text(event.getMetaData().get("organizationId"));
        if (organizationId == null) organizationId = payload.path("organizationId").asString(null);
        if (organizationId == null) return; // every LabelLedger event belongs to an organization (a global checkpoint does not)
        StoredEvent stored = stored(event.getIdentifier());
        Link link = link(organizationId, stored);
        String orgId = organizationId;
        AuditObjects objects = new AuditObjects(jdbc, orgId);
        objects.define(event.getPayload()); // new objects get their label before the summary names them
        String summary = AuditSummaries.render(event.getPayload(), objects::label);
        String aggregateId = stored.aggregateId();
        jdbc.update("""
                INSERT INTO audit_log (position, event_id, organization_id, actor_id, client_ip, correlation_id, event_type,
                                       aggregate_type, aggregate_id, payload, occurred_at, prev_hash, hash, seq, summary, object_label)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                stored.globalIndex(), event.getIdentifier(), organizationId, text(event.getMetaData().get("actorId")),
                AuditChain.normalizeIp(text(event.getMetaData().get("clientIp"))), text(event.getMetaData().get("correlationId")),
                event.getPayloadType().getSimpleName(), stored.aggregateType() == null ? "none" : stored.aggregateType(), aggregateId,
                json.writeValueAsString(payload), java.sql.Timestamp.from(event.getTimestamp()), link.prevHash, link.hash, link.seq,
                summary, objects.label(aggregateId));
        objects.renamed(event.getPayload()); // renames after the summary, which names the object as it was
    }

    private record Link(long seq, String prevHash, String hash) {}

    /** The event's link: the one written when it was first seen (checked against the event store), else a new one. */
    private Link link(String organizationId, StoredEvent stored) {
        List<Link> existing = jdbc.query("""
                SELECT seq, global_seq, canonical, prev_hash, hash, global_prev_hash, global_hash FROM audit_chain WHERE event_id = ?""",
                (r, i) -> {
                    String canonical = AuditChain.canonical(organizationId, r.getLong("seq"), r.getLong("global_seq"), stored);
                    if (!canonical.equals(r.getString("canonical")))
                        throw new AuditChainBroken("Audit entry #" + r.getLong("seq") + " of organization " + organizationId
                                + ": the event store's row of event " + stored.eventId() + " differs from the one hashed (" + canonical + ")");
                    if (!AuditChain.link(r.getString("prev_hash"), canonical).equals(r.getString("hash"))
                        || !AuditChain.link(r.getString("global_prev_hash"), canonical).equals(r.getString("global_hash")))
                        throw new AuditChainBroken("Audit entry #" + r.getLong("seq") + " of organization " + organizationId + ": its stored link is not its hash");
                    return new Link(r.getLong("seq"), r.getString("prev_hash"), r.getString("hash"));
                }, stored.eventId());
        if (!existing.isEmpty()) return existing.getFirst();
        // heads locked in one order (global, then the organization's): concurrent writers (a rebuild) queue up
        jdbc.update("INSERT INTO audit_chain_head (chain, seq, hash) VALUES (?, 0, ?), (?, 0, ?) ON CONFLICT (chain) DO NOTHING",
                AuditChain.GLOBAL, GENESIS, organizationId, GENESIS);
        Head global = head(AuditChain.GLOBAL);
        Head org = head(organizationId);
        long seq = org.seq + 1, globalSeq = global.seq + 1;
        String canonical = AuditChain.canonical(organizationId, seq, globalSeq, stored);
        String hash = AuditChain.link(org.hash, canonical), globalHash = AuditChain.link(global.hash, canonical);
        jdbc.update("""
                INSERT INTO audit_chain (event_id, organization_id, seq, global_seq, global_index, canonical, prev_hash, hash,
                                         global_prev_hash, global_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                stored.eventId(), organizationId, seq, globalSeq, stored.globalIndex(), canonical, org.hash, hash, global.hash, globalHash);
        jdbc.update("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE chain = ?", seq, hash, organizationId);
        jdbc.update("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE chain = ?", globalSeq, globalHash, AuditChain.GLOBAL);
        return new Link(seq, org.hash, hash);
    }

    private record Head(long seq, String hash) {}

    private Head head(String chain) {
        return jdbc.queryForObject("SELECT seq, hash FROM audit_chain_head WHERE chain = ? FOR UPDATE",
                (r, i) -> new Head(r.getLong("seq"), r.getString("hash")), chain);
    }

    /**
     * A signed checkpoint: its signature must verify with the key it names and the chain must hold the signed head at
     * the signed position; otherwise the event store (or the chain) disagrees with what was signed and the processor
     * stops here.
     */
    private void checkpoint(AuditCheckpointSigned c, String eventId) {
        String chain = c.organizationId() == null ? AuditChain.GLOBAL : c.organizationId().value();
        String expected = AuditChain.checkpointMessage(chain, c.sequence(), c.headHash(), c.signedAt());
        if (!expected.equals(c.message()) || !AuditChain.verifies(AuditChain.publicKey(c.publicKey()), c.message(), c.signature()))
            throw new AuditChainBroken("Checkpoint " + eventId + " of chain " + chain + " at #" + c.sequence() + ": its signature does not verify");
        List<String> hashes = c.organizationId() == null
                ? jdbc.queryForList("SELECT global_hash FROM audit_chain WHERE global_seq = ?", String.class, c.sequence())
                : jdbc.queryForList("SELECT hash FROM audit_chain WHERE organization_id = ? AND seq = ?", String.class, chain, c.sequence());
        if (hashes.isEmpty() || !hashes.getFirst().equals(c.headHash()))
            throw new AuditChainBroken("The event store disagrees with the signed checkpoint of chain " + chain + " at #" + c.sequence()
                    + ": signed head " + c.headHash() + ", chain " + (hashes.isEmpty() ? "has no such entry" : "holds " + hashes.getFirst()));
        jdbc.update("""
                INSERT INTO audit_checkpoint (event_id, chain, seq, head_hash, signed_at, message, signature, key_id, public_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                eventId, chain, c.sequence(), c.headHash(), java.sql.Timestamp.from(c.signedAt()), c.message(), c.signature(), c.keyId(), c.publicKey());
    }

    private StoredEvent stored(String eventId) {
        return jdbc.queryForObject("""
                SELECT global_index, aggregate_identifier, sequence_number, type, event_identifier, payload_type, payload_revision,
                       time_stamp, payload, meta_data FROM domain_event_entry WHERE event_identifier = ?""",
                (r, i) -> new StoredEvent(r.getLong("global_index"), r.getString("aggregate_identifier"), r.getLong("sequence_number"),
                        r.getString("type"), r.getString("event_identifier"), r.getString("payload_type"), r.getString("payload_revision"),
                        r.getString("time_stamp"), r.getBytes("payload"), r.getBytes("meta_data")), eventId);
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

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
