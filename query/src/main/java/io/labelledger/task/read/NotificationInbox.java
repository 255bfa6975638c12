package io.labelledger.task.read;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * A person's notifications (rm_notification, built by CommentProjection) and what they have read. Read marks are the
 * person's own state, written here (notification_read, notification_read_all), not events: the notification ids are
 * stable across rebuilds, so a rebuild keeps them (ADR 0032). Every statement is bound to the caller's organization and
 * person.
 */
public class NotificationInbox {
    private static final String SELECT = """
            SELECT n.notification_id, n.position, n.kind, n.task_id, n.project_id, n.annotation_id, n.region_id, n.comment_id,
                   n.actor_id, n.created_at,
                   (n.position <= coalesce(w.up_to_position, -1) OR r.notification_id IS NOT NULL) AS read
            FROM rm_notification n
            LEFT JOIN notification_read_all w ON w.recipient_id = n.recipient_id AND w.organization_id = n.organization_id
            LEFT JOIN notification_read r ON r.recipient_id = n.recipient_id AND r.notification_id = n.notification_id
            WHERE n.organization_id = :org AND n.recipient_id = :user""";

    private final DatabaseClient db;

    public NotificationInbox(DatabaseClient db) {
        this.db = db;
    }

    /** Newest first, keyset-paginated on the position (null: from the newest). */
    public Flux<NotificationView> page(String organizationId, String userId, int limit, Long beforePosition) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(SELECT + (beforePosition == null ? "" : " AND n.position < :before")
                        + " ORDER BY n.position DESC, n.notification_id LIMIT :limit")
                .bind("org", organizationId).bind("user", userId).bind("limit", limit);
        if (beforePosition != null) spec = spec.bind("before", beforePosition);
        return spec.map(NotificationInbox::view).all();
    }

    public Mono<NotificationView> get(String organizationId, String userId, String notificationId) {
        return db.sql(SELECT + " AND n.notification_id = :id").bind("org", organizationId).bind("user", userId)
                 .bind("id", notificationId).map(NotificationInbox::view).one();
    }

    public Mono<Integer> unreadCount(String organizationId, String userId) {
        return db.sql("SELECT count(*)::int AS n FROM (" + SELECT + ") x WHERE NOT x.read")
                 .bind("org", organizationId).bind("user", userId).map(r -> r.get("n", Integer.class)).one().defaultIfEmpty(0);
    }

    /** Marks some of the caller's own notifications read (ids of others' are ignored). */
    public Mono<Void> markRead(String organizationId, String userId, Collection<String> ids, Instant at) {
        if (ids.isEmpty()) return Mono.empty();
        return db.sql("""
                         INSERT INTO notification_read (recipient_id, notification_id, read_at)
                         SELECT recipient_id, notification_id, :at FROM rm_notification
                         WHERE organization_id = :org AND recipient_id = :user AND notification_id = ANY(:ids)
                         ON CONFLICT DO NOTHING""")
                 .bind("org", organizationId).bind("user", userId).bind("ids", ids.toArray(String[]::new))
                 .bind("at", at.atOffset(ZoneOffset.UTC)).then();
    }

    /** Marks every notification the caller has now read. */
    public Mono<Void> markAllRead(String organizationId, String userId, Instant at) {
        return db.sql("""
                         INSERT INTO notification_read_all (recipient_id, organization_id, up_to_position, read_at)
                         SELECT :user, :org, coalesce(max(position), 0), :at FROM rm_notification
                         WHERE organization_id = :org AND recipient_id = :user
                         ON CONFLICT (recipient_id, organization_id) DO UPDATE
                         SET up_to_position = greatest(notification_read_all.up_to_position, excluded.up_to_position), read_at = excluded.read_at""")
                 .bind("org", organizationId).bind("user", userId).bind("at", at.atOffset(ZoneOffset.UTC)).then();
    }

    private static NotificationView view(Readable r) {
        return new NotificationView(r.get("notification_id", String.class), r.get("position", Long.class), r.get("kind", String.class),
                r.get("task_id", String.class), r.get("project_id", String.class), r.get("annotation_id", String.class),
                r.get("region_id", String.class), r.get("comment_id", String.class), r.get("actor_id", String.class),
                r.get("created_at", OffsetDateTime.class).toInstant(), Boolean.TRUE.equals(r.get("read", Boolean.class)));
    }
}
