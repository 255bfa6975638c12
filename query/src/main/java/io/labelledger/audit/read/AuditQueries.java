package io.labelledger.audit.read;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit log of one organization (ADR 0051): pages newest first by entry number, the chain's status, and the rows
 * of an export (with the event store's rows, read here because the export is what an auditor checks them against).
 */
public class AuditQueries {
    private final DatabaseClient db;

    public AuditQueries(DatabaseClient db) {
        this.db = db;
    }

    public Flux<AuditEntryView> page(String organizationId, AuditFilter filter, int limit, Long beforeSeq) {
        StringBuilder sql = new StringBuilder("""
                SELECT l.position, l.seq, l.event_id, l.event_type, l.aggregate_type, l.aggregate_id, l.object_label, l.actor_id,
                       l.client_ip, l.occurred_at, l.payload::text AS payload, l.summary, l.prev_hash, l.hash, c.canonical
                FROM audit_log l LEFT JOIN audit_chain c ON c.event_id = l.event_id
                WHERE l.organization_id = :org""");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("org", organizationId);
        where(filter, sql, binds);
        if (beforeSeq != null) { sql.append(" AND l.seq < :before"); binds.put("before", beforeSeq); }
        sql.append(" ORDER BY l.seq DESC LIMIT :limit");
        binds.put("limit", limit);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> b : binds.entrySet()) spec = spec.bind(b.getKey(), b.getValue());
        return spec.map(r -> new AuditEntryView(r.get("position", Long.class), r.get("seq", Long.class), r.get("event_id", String.class),
                r.get("event_type", String.class), r.get("aggregate_type", String.class), r.get("aggregate_id", String.class),
                r.get("object_label", String.class), r.get("actor_id", String.class), r.get("client_ip", String.class),
                instant(r, "occurred_at"), r.get("payload", String.class), r.get("summary", String.class),
                r.get("prev_hash", String.class), r.get("hash", String.class), r.get("canonical", String.class))).all();
    }

    private static void where(AuditFilter filter, StringBuilder sql, Map<String, Object> binds) {
        if (filter.actorId() != null) { sql.append(" AND l.actor_id = :actor"); binds.put("actor", filter.actorId()); }
        if (filter.eventType() != null) { sql.append(" AND l.event_type = :type"); binds.put("type", filter.eventType()); }
        if (filter.aggregateId() != null) {
            // the entry's object, or an object its event names (the task of an annotation, the person added...)
            sql.append(" AND (l.aggregate_id = :agg OR l.payload @> jsonb_build_object('taskId', CAST(:agg AS text))")
               .append(" OR l.payload @> jsonb_build_object('projectId', CAST(:agg AS text))")
               .append(" OR l.payload @> jsonb_build_object('annotationId', CAST(:agg AS text))")
               .append(" OR l.payload @> jsonb_build_object('userId', CAST(:agg AS text))")
               .append(" OR l.payload @> jsonb_build_object('workspaceId', CAST(:agg AS text)))");
            binds.put("agg", filter.aggregateId());
        }
        if (filter.clientIp() != null) { sql.append(" AND l.client_ip = :ip"); binds.put("ip", filter.clientIp()); }
        if (filter.from() != null) { sql.append(" AND l.occurred_at >= :from"); binds.put("from", filter.from().atOffset(ZoneOffset.UTC)); }
        if (filter.to() != null) { sql.append(" AND l.occurred_at < :to"); binds.put("to", filter.to().atOffset(ZoneOffset.UTC)); }
    }

    public Mono<AuditChainStatus> status(String organizationId) {
        return db.sql("""
                SELECT h.seq, h.hash, cp.seq AS signed_seq, cp.signed_at, cp.key_id
                FROM (SELECT CAST(:org AS text) AS chain) o
                LEFT JOIN audit_chain_head h ON h.chain = o.chain
                LEFT JOIN LATERAL (SELECT seq, signed_at, key_id FROM audit_checkpoint WHERE chain = o.chain ORDER BY seq DESC LIMIT 1) cp ON TRUE""")
                 .bind("org", organizationId)
                 .map(r -> new AuditChainStatus(r.get("seq", Long.class) == null ? 0 : r.get("seq", Long.class), r.get("hash", String.class),
                         r.get("signed_seq", Long.class), r.get("signed_at", OffsetDateTime.class) == null ? null : instant(r, "signed_at"),
                         r.get("key_id", String.class)))
                 .one();
    }

    /** The entries of a time range in chain order, each with its event store row (filters narrow the readable export only). */
    public Flux<AuditExportRow> export(String organizationId, AuditFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.seq, c.global_seq, c.prev_hash, c.hash, c.canonical, d.global_index, d.aggregate_identifier, d.sequence_number,
                       d.type, d.event_identifier, d.payload_type, d.payload_revision, d.time_stamp, d.payload, d.meta_data,
                       l.occurred_at, l.event_type, l.actor_id, l.client_ip, l.object_label, l.summary
                FROM audit_log l JOIN audit_chain c ON c.event_id = l.event_id
                JOIN domain_event_entry d ON d.event_identifier = l.event_id
                WHERE l.organization_id = :org""");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("org", organizationId);
        where(filter, sql, binds);
        sql.append(" ORDER BY l.seq");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> b : binds.entrySet()) spec = spec.bind(b.getKey(), b.getValue());
        return spec.map(r -> new AuditExportRow(r.get("seq", Long.class), r.get("global_seq", Long.class), r.get("prev_hash", String.class),
                r.get("hash", String.class), r.get("canonical", String.class), r.get("global_index", Long.class),
                r.get("aggregate_identifier", String.class), r.get("sequence_number", Long.class), r.get("type", String.class),
                r.get("event_identifier", String.class), r.get("payload_type", String.class), r.get("payload_revision", String.class),
                r.get("time_stamp", String.class), bytes(r, "payload"), bytes(r, "meta_data"), instant(r, "occurred_at"),
                r.get("event_type", String.class), r.get("actor_id", String.class), r.get("client_ip", String.class),
                r.get("object_label", String.class), r.get("summary", String.class))).all();
    }

    /** The organization's checkpoints over entries {@code fromSeq..toSeq}. */
    public Flux<AuditCheckpointView> checkpoints(String organizationId, long fromSeq, long toSeq) {
        return db.sql("""
                SELECT chain, seq, head_hash, signed_at, message, signature, key_id, public_key FROM audit_checkpoint
                WHERE chain = :org AND seq BETWEEN :from AND :to ORDER BY seq""")
                 .bind("org", organizationId).bind("from", fromSeq).bind("to", toSeq)
                 .map(r -> new AuditCheckpointView(r.get("chain", String.class), r.get("seq", Long.class), r.get("head_hash", String.class),
                         instant(r, "signed_at"), r.get("message", String.class), r.get("signature", String.class),
                         r.get("key_id", String.class), r.get("public_key", String.class)))
                 .all();
    }

    private static Instant instant(Readable r, String column) {
        return r.get(column, OffsetDateTime.class).toInstant();
    }

    private static byte[] bytes(Readable r, String column) {
        ByteBuffer buffer = r.get(column, ByteBuffer.class);
        if (buffer == null) return null;
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
