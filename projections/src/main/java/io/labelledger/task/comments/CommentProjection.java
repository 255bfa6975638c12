package io.labelledger.task.comments;

import io.labelledger.projection.AfterCommit;
import io.labelledger.task.datamanager.CommentCounts;
import io.labelledger.task.datamanager.TaskRowNotifier;
import io.labelledger.task.api.CommentAdded;
import io.labelledger.task.api.CommentDeleted;
import io.labelledger.task.api.CommentReopened;
import io.labelledger.task.api.CommentResolved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Comments on annotations and regions (ADR 0032): rm_comment, one row per comment, in the data-manager processing group
 * (same transaction as its token, rebuilt with it). Each row keeps the task's sequence number of its latest change, so
 * a redelivered event changes nothing. A deleted comment keeps its row (its place in the thread) without its text.
 * <p>
 * Notifications (rm_notification): a comment notifies the annotation's author and, for a reply, everyone who wrote in
 * the thread, never the commenter. A row's id derives from the comment and the recipient, its position is the event's
 * global index: a redelivery or a rebuild writes the same rows. Published on Redis after the commit, never on replay.
 */
@ProcessingGroup("data-manager")
public class CommentProjection {
    public static final String ON_YOUR_ANNOTATION = "COMMENT_ON_YOUR_ANNOTATION";
    public static final String IN_YOUR_THREAD = "REPLY_IN_YOUR_THREAD";

    private final JdbcTemplate jdbc;
    private final NotificationNotifier notifier;
    private final TaskRowNotifier rows;

    public CommentProjection(JdbcTemplate jdbc, NotificationNotifier notifier) {
        this(jdbc, notifier, (projectId, taskIds) -> { });
    }

    /** {@code rows}: live Data Manager viewers hear of a task whose comment counts changed (after the commit). */
    public CommentProjection(JdbcTemplate jdbc, NotificationNotifier notifier, TaskRowNotifier rows) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.rows = rows;
    }

    /** The Data Manager's comment columns of the task (recounted: idempotent), and its live viewers told. */
    private void counts(String projectId, String taskId, ReplayStatus replay) {
        if (CommentCounts.recount(jdbc, taskId) && !replay.isReplay()) AfterCommit.run(() -> rows.changed(projectId, List.of(taskId)));
    }

    @EventHandler
    void on(CommentAdded e, @SequenceNumber long seq, @Timestamp Instant at, @MessageIdentifier String eventId, ReplayStatus replay) {
        // a reply belongs to its parent's thread; a first comment starts one
        String thread = e.parentId() == null ? e.commentId().value()
                : jdbc.queryForList("SELECT thread_id FROM rm_comment WHERE comment_id = ?", String.class, e.parentId().value())
                      .stream().findFirst().orElse(e.parentId().value());
        jdbc.update("""
                INSERT INTO rm_comment (comment_id, task_id, annotation_id, project_id, organization_id, region_id, parent_id,
                                        thread_id, author_id, text, created_at, updated_at, last_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (comment_id) DO NOTHING""",
                e.commentId().value(), e.taskId().value(), e.annotationId().value(), e.projectId().value(),
                e.organizationId().value(), e.regionId(), e.parentId() == null ? null : e.parentId().value(), thread,
                e.by().value(), e.text(), ts(at), ts(at), seq);
        notifyPeople(e, thread, at, eventId, replay);
        counts(e.projectId().value(), e.taskId().value(), replay);
    }

    private void notifyPeople(CommentAdded e, String thread, Instant at, String eventId, ReplayStatus replay) {
        Map<String, String> recipients = new LinkedHashMap<>();
        jdbc.queryForList("SELECT author_id FROM dm_annotation WHERE annotation_id = ?", String.class, e.annotationId().value())
            .forEach(author -> recipients.put(author, ON_YOUR_ANNOTATION));
        if (e.parentId() != null) {
            jdbc.queryForList("SELECT DISTINCT author_id FROM rm_comment WHERE thread_id = ? AND comment_id <> ? ORDER BY author_id",
                    String.class, thread, e.commentId().value()).forEach(author -> recipients.putIfAbsent(author, IN_YOUR_THREAD));
        }
        recipients.remove(e.by().value()); // never for one's own comment
        if (recipients.isEmpty()) return;
        Long position = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId)
                            .stream().findFirst().orElse(0L);
        recipients.forEach((recipient, kind) -> {
            String id = UUID.nameUUIDFromBytes((e.commentId().value() + "|" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
            int inserted = jdbc.update("""
                    INSERT INTO rm_notification (notification_id, position, organization_id, recipient_id, kind, task_id, project_id,
                                                 annotation_id, region_id, comment_id, actor_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (notification_id) DO NOTHING""",
                    id, position, e.organizationId().value(), recipient, kind, e.taskId().value(), e.projectId().value(),
                    e.annotationId().value(), e.regionId(), e.commentId().value(), e.by().value(), ts(at));
            if (inserted == 1 && !replay.isReplay()) AfterCommit.run(() -> notifier.added(recipient, id));
        });
    }

    @EventHandler
    void on(CommentResolved e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        jdbc.update("""
                UPDATE rm_comment SET resolved = TRUE, resolved_by = ?, resolved_at = ?, updated_at = ?, last_seq = ?
                WHERE comment_id = ? AND last_seq < ?""", e.by().value(), ts(at), ts(at), seq, e.commentId().value(), seq);
        counts(e.projectId().value(), e.taskId().value(), replay);
    }

    @EventHandler
    void on(CommentReopened e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        jdbc.update("""
                UPDATE rm_comment SET resolved = FALSE, resolved_by = NULL, resolved_at = NULL, updated_at = ?, last_seq = ?
                WHERE comment_id = ? AND last_seq < ?""", ts(at), seq, e.commentId().value(), seq);
        counts(e.projectId().value(), e.taskId().value(), replay);
    }

    @EventHandler
    void on(CommentDeleted e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        jdbc.update("""
                UPDATE rm_comment SET deleted = TRUE, text = NULL, deleted_by = ?, updated_at = ?, last_seq = ?
                WHERE comment_id = ? AND last_seq < ?""", e.by().value(), ts(at), seq, e.commentId().value(), seq);
        counts(e.projectId().value(), e.taskId().value(), replay);
    }

    private static java.sql.Timestamp ts(Instant at) { return java.sql.Timestamp.from(at); }
}
