package io.labelledger.audit.read;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit log of one organization, newest first, keyset paged by position. */
public class AuditQueries {
    private final DatabaseClient db;

    public AuditQueries(DatabaseClient db) {
        this.db = db;
    }

    public Flux<AuditEntryView> page(String organizationId, AuditFilter filter, int limit, Long beforePosition) {
        StringBuilder sql = new StringBuilder("""
                SELECT position, event_id, event_type, aggregate_type, aggregate_id, actor_id, client_ip, occurred_at,
                       payload::text AS payload, hash
                FROM audit_log WHERE organization_id = :org""");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("org", organizationId);
        if (filter.actorId() != null) { sql.append(" AND actor_id = :actor"); binds.put("actor", filter.actorId()); }
        if (filter.eventType() != null) { sql.append(" AND event_type = :type"); binds.put("type", filter.eventType()); }
        if (filter.aggregateId() != null) { sql.append(" AND aggregate_id = :agg"); binds.put("agg", filter.aggregateId()); }
        if (filter.from() != null) { sql.append(" AND occurred_at >= :from"); binds.put("from", filter.from().atOffset(ZoneOffset.UTC)); }
        if (filter.to() != null) { sql.append(" AND occurred_at < :to"); binds.put("to", filter.to().atOffset(ZoneOffset.UTC)); }
        if (beforePosition != null) { sql.append(" AND position < :before"); binds.put("before", beforePosition); }
        sql.append(" ORDER BY position DESC LIMIT :limit");
        binds.put("limit", limit);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> b : binds.entrySet()) spec = spec.bind(b.getKey(), b.getValue());
        return spec.map(r -> new AuditEntryView(r.get("position", Long.class), r.get("event_id", String.class),
                r.get("event_type", String.class), r.get("aggregate_type", String.class), r.get("aggregate_id", String.class),
                r.get("actor_id", String.class), r.get("client_ip", String.class),
                r.get("occurred_at", OffsetDateTime.class).toInstant(), r.get("payload", String.class),
                r.get("hash", String.class))).all();
    }
}
