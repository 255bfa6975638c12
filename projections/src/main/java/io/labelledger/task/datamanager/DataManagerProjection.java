package io.labelledger.task.datamanager;

import io.labelledger.project.api.LabelingConfigChanged;
import io.labelledger.project.api.MediaProxyChanged;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectDetailsChanged;
import io.labelledger.project.api.AnnotatorPaused;
import io.labelledger.project.api.AnnotatorResumed;
import io.labelledger.project.api.ProjectSettingsChanged;
import io.labelledger.task.api.ReservationReleased;
import io.labelledger.task.api.TaskReserved;
import io.labelledger.project.api.TasksImported;
import io.labelledger.review.api.AnnotationReviewed;
import io.labelledger.task.api.AnnotationDeleted;
import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.AnnotationUpdated;
import io.labelledger.task.api.DraftDiscarded;
import io.labelledger.task.api.DraftSaved;
import io.labelledger.task.api.GroundTruthChanged;
import io.labelledger.task.api.Prediction;
import io.labelledger.task.api.TaskImported;
import io.labelledger.task.api.TaskSkipped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the Data Manager: one row per task, per-project counters and the live annotations. Runs in the event
 * processor's transaction (token and rows commit together). Every handler is guarded by the aggregate sequence
 * number stored in the row, so a redelivered event changes nothing.
 */
@ProcessingGroup("data-manager")
public class DataManagerProjection {
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TaskRowNotifier notifier;

    public DataManagerProjection(JdbcTemplate jdbc, JsonMapper json, TaskRowNotifier notifier) {
        this.jdbc = jdbc;
        this.json = json;
        this.notifier = notifier;
    }

    /**
     * The integer id an event carries (ADR 0050), or for an event recorded before integer ids existed (upcast with
     * null) the global index of the event: stable across replays, and below every number the sequence gives. Only
     * events stored before V63 are numbered so ({@code ll_int_id_legacy}); one appended later without a number (by
     * hand) gets none rather than a number the sequence may give to something else.
     */
    Long intId(Long carried, TrackingToken token) {
        if (carried != null) return carried;
        if (token == null || token.position().isEmpty()) return null;
        long global = token.position().getAsLong();
        return global < legacyBelow() ? global : null;
    }

    /** The first global index after the events stored before integer ids existed (constant once migrated). */
    private volatile Long legacyBelow;

    private long legacyBelow() {
        Long below = legacyBelow;
        if (below == null) legacyBelow = below = jdbc.queryForObject("SELECT below FROM ll_int_id_legacy", Long.class);
        return below;
    }

    @EventHandler
    void on(ProjectCreated e, @SequenceNumber long seq, @Timestamp Instant at, TrackingToken token) {
        jdbc.update("""
                INSERT INTO rm_project (project_id, organization_id, title, description, label_config, label_config_version,
                                        created_by, created_at, updated_at, last_seq, int_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id) DO NOTHING""",
                e.projectId().value(), e.organizationId().value(), e.title(), e.description(), e.labelConfig(),
                e.labelConfigVersion(), e.by().value(), ts(at), ts(at), seq, intId(e.intId(), token));
        configVersion(e.projectId().value(), e.labelConfigVersion(), e.organizationId().value(), e.labelConfig(), e.by().value(), at);
    }

    /** Every version is kept (the key makes a redelivery a no-op): annotations are shown with the one they used. */
    private void configVersion(String projectId, int version, String organizationId, String xml, String by, Instant at) {
        jdbc.update("""
                INSERT INTO rm_labeling_config (project_id, version, organization_id, label_config, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, version) DO NOTHING""",
                projectId, version, organizationId, xml, by, ts(at));
    }

    /**
     * The event's config version, or for an event recorded before versions were kept (upcast with null) the version
     * current at the event's time; this processor has applied every earlier config event of the project by then.
     */
    private Integer resolveConfigVersion(Integer recorded, String projectId, Instant at) {
        if (recorded != null) return recorded;
        return jdbc.queryForObject("SELECT max(version) FROM rm_labeling_config WHERE project_id = ? AND created_at <= ?",
                Integer.class, projectId, ts(at));
    }

    @EventHandler
    void on(ProjectDetailsChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("UPDATE rm_project SET title = ?, description = ?, updated_at = ?, last_seq = ? WHERE project_id = ? AND last_seq < ?",
                e.title(), e.description(), ts(at), seq, e.projectId().value(), seq);
    }

    @EventHandler
    void on(MediaProxyChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("UPDATE rm_project SET media_proxy = ?, updated_at = ?, last_seq = ? WHERE project_id = ? AND last_seq < ?",
                e.allowed(), ts(at), seq, e.projectId().value(), seq);
    }

    @EventHandler
    void on(LabelingConfigChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE rm_project SET label_config = ?, label_config_version = ?, updated_at = ?, last_seq = ?
                WHERE project_id = ? AND last_seq < ?""",
                e.labelConfig(), e.labelConfigVersion(), ts(at), seq, e.projectId().value(), seq);
        configVersion(e.projectId().value(), e.labelConfigVersion(), e.organizationId().value(), e.labelConfig(), e.by().value(), at);
    }

    @EventHandler
    void on(TasksImported e, @SequenceNumber long seq, @Timestamp Instant at) {
        // the absolute count comes from the event, so this is idempotent without a delta
        // deleted tasks keep their numbers: the count is the highest number less the deleted ones (ADR 0042)
        jdbc.update("UPDATE rm_project SET task_count = ? - deleted_tasks, updated_at = ?, last_seq = ? WHERE project_id = ? AND last_seq < ?",
                e.firstNumber() + e.count() - 1, ts(at), seq, e.projectId().value(), seq);
    }

    /**
     * The annotations task {@code number} needs under the project's settings: ProjectSettings.Distribution#overlapOf in
     * SQL ({@code ?} is the number, {@code p} the rm_project row).
     */
    private static final String OVERLAP_OF = """
            CASE WHEN p.overlap_percent IS NULL OR p.overlap = 1 THEN p.overlap
                 WHEN mod(? * 37, 100) < p.overlap_percent THEN p.overlap ELSE 1 END""";

    @EventHandler
    void on(TaskImported e, @Timestamp Instant at, ReplayStatus replay, TrackingToken token) {
        // the best score and the models of the task's predictions: Data Manager columns, and the label stream's
        // uncertainty sampling (least confident first, ADR 0036)
        Double bestScore = e.predictions().stream().map(Prediction::score).filter(java.util.Objects::nonNull)
                            .max(Double::compare).orElse(null);
        List<String> models = e.predictions().stream().map(Prediction::modelVersion).filter(java.util.Objects::nonNull)
                               .distinct().sorted().toList();
        int inserted = jdbc.update("""
                INSERT INTO dm_task (task_id, project_id, organization_id, number, data, predictions, prediction_count,
                                     prediction_score, model_versions, created_at, updated_at, last_seq, overlap, int_id)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, %s, ?, ?, 0, COALESCE((SELECT %s FROM rm_project p WHERE p.project_id = ?), 1), ?)
                ON CONFLICT (task_id) DO NOTHING""".formatted(TEXT_ARRAY, OVERLAP_OF),
                e.taskId().value(), e.projectId().value(), e.organizationId().value(), e.number(),
                json.writeValueAsString(e.data()), json.writeValueAsString(e.predictions()), e.predictions().size(),
                bestScore, json.writeValueAsString(models), ts(at), ts(at), e.number(), e.projectId().value(), intId(e.intId(), token));
        List<TaskColumns.DataKey> keys = newDataKeys(e.projectId().value(), TaskColumns.dataKeys(e.data()));
        if (!keys.isEmpty()) {
            // one statement per task; the key makes a repeat (or the next task with the same fields) a no-op
            jdbc.update("""
                    INSERT INTO dm_data_key (project_id, path, kind)
                    SELECT ?, ARRAY(SELECT p FROM jsonb_array_elements_text(k -> 'path') WITH ORDINALITY AS x(p, i) ORDER BY i), k ->> 'kind'
                    FROM jsonb_array_elements(?::jsonb) k
                    ON CONFLICT DO NOTHING""",
                    e.projectId().value(), json.writeValueAsString(keys));
        }
        if (inserted == 1) notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    /**
     * Predictions added after the import (ADR 0050): appended to the task's list, and its prediction columns (count,
     * best score, models) recomputed from the whole list, so a redelivery (guarded by the sequence) changes nothing.
     */
    @EventHandler
    void on(io.labelledger.task.api.PredictionsAdded e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        if (!advance(e.taskId().value(), seq)) return;
        jdbc.update("UPDATE dm_task SET predictions = predictions || ?::jsonb, updated_at = ? WHERE task_id = ?",
                json.writeValueAsString(e.predictions()), ts(at), e.taskId().value());
        predictionColumns(e.taskId().value());
        notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    @EventHandler
    void on(io.labelledger.task.api.PredictionDeleted e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        if (!advance(e.taskId().value(), seq)) return;
        jdbc.update("""
                UPDATE dm_task SET updated_at = ?, predictions = (
                    SELECT COALESCE(jsonb_agg(p ORDER BY i), '[]'::jsonb) FROM jsonb_array_elements(predictions) WITH ORDINALITY AS x(p, i)
                    WHERE (p ->> 'intId') IS DISTINCT FROM ?)
                WHERE task_id = ?""", ts(at), Long.toString(e.predictionId()), e.taskId().value());
        predictionColumns(e.taskId().value());
        notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    /** Count, best score and models of a task's predictions, as the import writes them. */
    private void predictionColumns(String taskId) {
        jdbc.update("""
                UPDATE dm_task SET prediction_count = jsonb_array_length(predictions),
                       prediction_score = (SELECT max((p ->> 'score')::double precision) FROM jsonb_array_elements(predictions) p
                                           WHERE jsonb_typeof(p -> 'score') = 'number'),
                       model_versions = ARRAY(SELECT DISTINCT p ->> 'modelVersion' FROM jsonb_array_elements(predictions) p
                                              WHERE jsonb_typeof(p -> 'modelVersion') = 'string' ORDER BY 1)
                WHERE task_id = ?""", taskId);
    }

    /** The resource key of the data keys this transaction has written (a processor batch). */
    private final Object dataKeysWritten = new Object();

    /**
     * The keys not yet written in this transaction: an import's tasks mostly share their fields, so a batch writes each
     * key once instead of once per task. Kept per transaction (a rollback forgets it with the rows).
     */
    private List<TaskColumns.DataKey> newDataKeys(String projectId, List<TaskColumns.DataKey> keys) {
        if (keys.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) return keys;
        @SuppressWarnings("unchecked")
        Set<String> written = (Set<String>) TransactionSynchronizationManager.getResource(dataKeysWritten);
        if (written == null) {
            Set<String> fresh = new java.util.HashSet<>();
            written = fresh;
            TransactionSynchronizationManager.bindResource(dataKeysWritten, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) { TransactionSynchronizationManager.unbindResourceIfPossible(dataKeysWritten); }
            });
        }
        List<TaskColumns.DataKey> fresh = new java.util.ArrayList<>();
        for (TaskColumns.DataKey k : keys) {
            if (written.add(projectId + '\0' + k.kind() + '\0' + String.join("\0", k.path()))) fresh.add(k);
        }
        return fresh;
    }

    /** A text[] from a bound JSON array of strings, in order (JDBC array binding needs the connection). */
    private static final String TEXT_ARRAY = "ARRAY(SELECT v FROM jsonb_array_elements_text(?::jsonb) WITH ORDINALITY AS x(v, i) ORDER BY i)";

    /**
     * The filter columns that follow the task's live annotations (labels per control, standing reviewers, accepted and
     * rejected counts, summed lead time), recomputed from all of them: idempotent and the same on a rebuild.
     */
    private void annotationColumns(String taskId) {
        SortedMap<String, SortedSet<String>> labels = new TreeMap<>();
        Set<String> reviewers = new TreeSet<>();
        int[] decisions = new int[2];
        Double[] leadTime = {null};
        jdbc.query("""
                SELECT result::text AS result, reviewer_id, review_decision, lead_time_seconds
                FROM dm_annotation WHERE task_id = ? ORDER BY created_at, annotation_id""", rs -> {
            TaskColumns.addLabelValues(json.readTree(rs.getString("result")), labels);
            if (rs.getString("reviewer_id") != null) reviewers.add(rs.getString("reviewer_id"));
            if ("ACCEPTED".equals(rs.getString("review_decision"))) decisions[0]++;
            if ("REJECTED".equals(rs.getString("review_decision"))) decisions[1]++;
            double lead = rs.getDouble("lead_time_seconds");
            if (!rs.wasNull()) leadTime[0] = (leadTime[0] == null ? 0 : leadTime[0]) + lead;
        }, taskId);
        jdbc.update("""
                UPDATE dm_task SET labels = ?::jsonb, reviewers = %s, accepted_count = ?, rejected_count = ?, lead_time_seconds = ?
                WHERE task_id = ?""".formatted(TEXT_ARRAY),
                json.writeValueAsString(labels), json.writeValueAsString(reviewers), decisions[0], decisions[1], leadTime[0], taskId);
    }

    @EventHandler
    void on(AnnotationSubmitted e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay, TrackingToken token) {
        annotationAdded(e.taskId().value(), e.projectId().value(), e.organizationId().value(), e.annotationId().value(),
                e.by().value(), json.writeValueAsString(e.result()), e.leadTimeSeconds(), e.configVersion(), seq, at, replay,
                intId(e.intId(), token));
    }

    /**
     * Imported with its task (same transaction, following sequence numbers): counts like a submitted one; its author is
     * the member Label Studio named, else the importer (ADR 0030).
     */
    @EventHandler
    void on(AnnotationImported e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay, TrackingToken token) {
        annotationAdded(e.taskId().value(), e.projectId().value(), e.organizationId().value(), e.annotationId().value(),
                e.authoredBy().value(), json.writeValueAsString(e.result()), e.leadTimeSeconds(), e.configVersion(), seq, at, replay,
                intId(e.intId(), token));
    }

    private void annotationAdded(String taskId, String projectId, String organizationId, String annotationId, String by,
                                 String result, Double leadTime, Integer configVersion, long seq, Instant at, ReplayStatus replay,
                                 Long intId) {
        Row row = row(taskId);
        if (row == null || row.lastSeq >= seq) return;
        int count = row.annotationCount + 1;
        boolean completed = count >= row.overlap;
        jdbc.update("""
                UPDATE dm_task SET annotation_count = ?, completed = ?, annotators = array_append(annotators, ?),
                                   skipped_by = array_remove(skipped_by, ?), review_state = 'PENDING', updated_at = ?, last_seq = ?
                WHERE task_id = ?""",
                count, completed, by, by, ts(at), seq, taskId);
        jdbc.update("""
                INSERT INTO dm_annotation (annotation_id, task_id, project_id, organization_id, author_id, result,
                                           lead_time_seconds, created_at, updated_at, config_version, int_id)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""",
                annotationId, taskId, projectId, organizationId, by, result, leadTime, ts(at), ts(at),
                resolveConfigVersion(configVersion, projectId, at), intId);
        annotationColumns(taskId);
        projectCounters(projectId, 1, completedDelta(row.completed, completed));
        notifyAfterCommit(projectId, taskId, replay);
    }

    @EventHandler
    void on(AnnotationUpdated e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        Row row = row(e.taskId().value());
        if (row == null || row.lastSeq >= seq) return;
        // a changed annotation is pending review again (ADR 0021), and so is its task
        jdbc.update("UPDATE dm_task SET review_state = 'PENDING', updated_at = ?, last_seq = ? WHERE task_id = ?", ts(at), seq, e.taskId().value());
        jdbc.update("""
                UPDATE dm_annotation SET result = ?::jsonb, lead_time_seconds = ?, updated_at = ?, config_version = ?,
                                         review_decision = NULL, reviewer_id = NULL, review_comment = NULL, reviewed_at = NULL
                WHERE annotation_id = ?""",
                json.writeValueAsString(e.result()), e.leadTimeSeconds(), ts(at),
                resolveConfigVersion(e.configVersion(), e.projectId().value(), at), e.annotationId().value());
        annotationColumns(e.taskId().value());
        notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    @EventHandler
    void on(AnnotationDeleted e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        Row row = row(e.taskId().value());
        if (row == null || row.lastSeq >= seq) return;
        int count = Math.max(0, row.annotationCount - 1);
        boolean completed = count >= row.overlap;
        jdbc.update("DELETE FROM dm_annotation WHERE annotation_id = ?", e.annotationId().value());
        // from the remaining annotations: an importer may hold several on one task, so array_remove would drop them all;
        // deleting the ground-truth annotation takes its mark with it (ADR 0022)
        jdbc.update("""
                UPDATE dm_task SET annotation_count = ?, completed = ?,
                                   annotators = ARRAY(SELECT author_id FROM dm_annotation WHERE task_id = ? ORDER BY created_at, annotation_id),
                                   ground_truth = EXISTS (SELECT 1 FROM dm_annotation WHERE task_id = ? AND ground_truth),
                                   updated_at = ?, last_seq = ?
                WHERE task_id = ?""",
                count, completed, e.taskId().value(), e.taskId().value(), ts(at), seq, e.taskId().value());
        reviewState(e.taskId().value());
        annotationColumns(e.taskId().value());
        CommentCounts.recount(jdbc, e.taskId().value()); // its comments go with it
        projectCounters(e.projectId().value(), -1, completedDelta(row.completed, completed));
        notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    /** The latest review replaces the earlier one; the task's review state follows its annotations. */
    @EventHandler
    void on(AnnotationReviewed e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        Row row = row(e.taskId().value());
        if (row == null || row.lastSeq >= seq) return;
        jdbc.update("""
                UPDATE dm_annotation SET review_decision = ?, reviewer_id = ?, review_comment = ?, reviewed_at = ?
                WHERE annotation_id = ?""",
                e.decision().name(), e.by().value(), e.comment(), ts(at), e.annotationId().value());
        jdbc.update("UPDATE dm_task SET updated_at = ?, last_seq = ? WHERE task_id = ?", ts(at), seq, e.taskId().value());
        reviewState(e.taskId().value());
        annotationColumns(e.taskId().value());
        notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    /**
     * Recomputed from the task's live annotations (so idempotent): NONE without annotations, PENDING while one awaits
     * review, else REJECTED when one was rejected, else ACCEPTED. (A new or changed annotation is pending, so those
     * events set PENDING directly.)
     */
    private void reviewState(String taskId) {
        jdbc.update("""
                UPDATE dm_task t SET review_state = (
                    SELECT CASE WHEN count(*) = 0 THEN 'NONE'
                                WHEN count(*) FILTER (WHERE a.review_decision IS NULL) > 0 THEN 'PENDING'
                                WHEN count(*) FILTER (WHERE a.review_decision = 'REJECTED') > 0 THEN 'REJECTED'
                                ELSE 'ACCEPTED' END
                    FROM dm_annotation a WHERE a.task_id = t.task_id)
                WHERE t.task_id = ?""", taskId);
    }

    /** At most one annotation of a task is marked: marking one unmarks the others (ADR 0022). */
    @EventHandler
    void on(GroundTruthChanged e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        Row row = row(e.taskId().value());
        if (row == null || row.lastSeq >= seq) return;
        if (e.groundTruth()) {
            jdbc.update("UPDATE dm_annotation SET ground_truth = (annotation_id = ?) WHERE task_id = ? AND (ground_truth OR annotation_id = ?)",
                    e.annotationId().value(), e.taskId().value(), e.annotationId().value());
        } else {
            jdbc.update("UPDATE dm_annotation SET ground_truth = FALSE WHERE annotation_id = ?", e.annotationId().value());
        }
        jdbc.update("""
                UPDATE dm_task SET ground_truth = EXISTS (SELECT 1 FROM dm_annotation WHERE task_id = ? AND ground_truth),
                                   updated_at = ?, last_seq = ?
                WHERE task_id = ?""", e.taskId().value(), ts(at), seq, e.taskId().value());
        notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    @EventHandler
    void on(TaskSkipped e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        Row row = row(e.taskId().value());
        if (row == null || row.lastSeq >= seq) return;
        jdbc.update("""
                UPDATE dm_task SET skip_count = skip_count + 1, skipped_by = array_append(skipped_by, ?), updated_at = ?, last_seq = ?
                WHERE task_id = ?""", e.by().value(), ts(at), seq, e.taskId().value());
        notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    /**
     * The settings as recorded; each task's overlap follows them, and with it its completion (annotations stay: a
     * lower overlap completes tasks, a higher one reopens them for the label stream).
     */
    @EventHandler
    void on(ProjectSettingsChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        var d = e.settings().distribution();
        int changed = jdbc.update("""
                UPDATE rm_project SET settings = ?::jsonb, settings_version = ?, overlap = ?, overlap_percent = ?, updated_at = ?, last_seq = ?
                WHERE project_id = ? AND last_seq < ?""",
                json.writeValueAsString(e.settings()), e.settingsVersion(), d.overlap(), d.overlapPercent(), ts(at), seq,
                e.projectId().value(), seq);
        if (changed == 0) return;
        jdbc.update("""
                UPDATE dm_task t SET overlap = o.overlap, completed = t.annotation_count >= o.overlap
                FROM (SELECT t2.task_id, %s AS overlap
                      FROM dm_task t2 JOIN rm_project p ON p.project_id = t2.project_id WHERE t2.project_id = ?) o
                WHERE t.task_id = o.task_id AND (t.overlap <> o.overlap OR t.completed <> (t.annotation_count >= o.overlap))"""
                .formatted(OVERLAP_OF.replace("?", "t2.number")),
                e.projectId().value());
        jdbc.update("UPDATE rm_project SET completed_count = (SELECT count(*) FROM dm_task WHERE project_id = ? AND completed) WHERE project_id = ?",
                e.projectId().value(), e.projectId().value());
    }

    @EventHandler
    void on(AnnotatorPaused e, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_project_pause (project_id, user_id, organization_id, reason, source, paused_by, paused_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id, user_id) DO UPDATE SET reason = excluded.reason, source = excluded.source,
                    paused_by = excluded.paused_by, paused_at = excluded.paused_at""",
                e.projectId().value(), e.userId().value(), e.organizationId().value(), e.reason(), e.source().name(),
                e.by() == null ? null : e.by().value(), ts(at));
    }

    @EventHandler
    void on(AnnotatorResumed e) {
        jdbc.update("DELETE FROM rm_project_pause WHERE project_id = ? AND user_id = ?", e.projectId().value(), e.userId().value());
    }

    /** Reservations (ADR 0036): a row per live holder, guarded by the task's sequence number like every task event. */
    @EventHandler
    void on(TaskReserved e, @SequenceNumber long seq) {
        if (!advance(e.taskId().value(), seq)) return;
        jdbc.update("""
                INSERT INTO dm_reservation (task_id, user_id, project_id, organization_id, expires_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (task_id, user_id) DO UPDATE SET expires_at = excluded.expires_at""",
                e.taskId().value(), e.by().value(), e.projectId().value(), e.organizationId().value(), ts(e.expiresAt()));
    }

    @EventHandler
    void on(ReservationReleased e, @SequenceNumber long seq) {
        if (!advance(e.taskId().value(), seq)) return;
        jdbc.update("DELETE FROM dm_reservation WHERE task_id = ? AND user_id = ?", e.taskId().value(), e.heldBy().value());
    }

    /**
     * A deleted task leaves every table of this projection; the project's counters lose what it counted. The row's
     * deletion is the guard: a redelivery finds no row and changes nothing (ADR 0042).
     */
    @EventHandler
    void on(io.labelledger.task.api.TaskDeleted e, @Timestamp Instant at, ReplayStatus replay) {
        String task = e.taskId().value();
        List<Map<String, Object>> gone = jdbc.queryForList("DELETE FROM dm_task WHERE task_id = ? RETURNING annotation_count, completed", task);
        if (gone.isEmpty()) return;
        for (String table : List.of("dm_annotation", "dm_reservation", "rm_draft", "rm_comment", "rm_notification")) {
            jdbc.update("DELETE FROM " + table + " WHERE task_id = ?", task);
        }
        int annotations = ((Number) gone.getFirst().get("annotation_count")).intValue();
        int completed = Boolean.TRUE.equals(gone.getFirst().get("completed")) ? 1 : 0;
        jdbc.update("""
                UPDATE rm_project SET task_count = task_count - 1, deleted_tasks = deleted_tasks + 1,
                       annotation_count = annotation_count - ?, completed_count = completed_count - ?, updated_at = ?
                WHERE project_id = ?""", annotations, completed, ts(at), e.projectId().value());
        notifyAfterCommit(e.projectId().value(), task, replay);
    }

    /**
     * A deleted project leaves every table of this projection (and its saved tabs, plain state of the query side): it
     * disappears for everyone. Idempotent; its events stay in the store (ADR 0042).
     */
    @EventHandler
    void on(io.labelledger.project.api.ProjectDeleted e) {
        for (String table : List.of("dm_reservation", "rm_project_pause", "rm_notification", "rm_comment", "rm_draft", "dm_annotation",
                "dm_task", "dm_data_key", "rm_labeling_config", "dm_tab", "rm_project")) {
            jdbc.update("DELETE FROM " + table + " WHERE project_id = ?", e.projectId().value());
        }
    }

    /** Manual distribution (ADR 0042): the assignee once in the kind's list. */
    @EventHandler
    void on(io.labelledger.task.api.TaskAssigned e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        if (!advance(e.taskId().value(), seq)) return;
        jdbc.update("UPDATE dm_task SET %1$s = array_append(array_remove(%1$s, ?), ?), updated_at = ? WHERE task_id = ?"
                .formatted(assignees(e.kind())), e.assignee().value(), e.assignee().value(), ts(at), e.taskId().value());
        notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    @EventHandler
    void on(io.labelledger.task.api.TaskUnassigned e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        if (!advance(e.taskId().value(), seq)) return;
        jdbc.update("UPDATE dm_task SET %1$s = array_remove(%1$s, ?), updated_at = ? WHERE task_id = ?".formatted(assignees(e.kind())),
                e.assignee().value(), ts(at), e.taskId().value());
        notifyAfterCommit(e.projectId().value(), e.taskId().value(), replay);
    }

    private static String assignees(io.labelledger.task.api.AssignmentKind kind) {
        return kind == io.labelledger.task.api.AssignmentKind.REVIEW ? "assigned_reviewers" : "assigned_annotators";
    }

    /** Moves the task row's sequence to {@code seq}; false when the event was applied already (a redelivery). */
    private boolean advance(String taskId, long seq) {
        return jdbc.update("UPDATE dm_task SET last_seq = ? WHERE task_id = ? AND last_seq < ?", seq, taskId, seq) == 1;
    }

    @ResetHandler
    void reset() {
        // the rebuild service empties the tables before the replay starts; nothing else is kept in memory
    }

    private void projectCounters(String projectId, int annotations, int completed) {
        jdbc.update("UPDATE rm_project SET annotation_count = annotation_count + ?, completed_count = completed_count + ? WHERE project_id = ?",
                annotations, completed, projectId);
    }

    private static int completedDelta(boolean before, boolean after) {
        return before == after ? 0 : after ? 1 : -1;
    }

    private Row row(String taskId) {
        List<Row> rows = jdbc.query("SELECT last_seq, annotation_count, completed, overlap FROM dm_task WHERE task_id = ?",
                (rs, i) -> new Row(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getInt(4)), taskId);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private void notifyAfterCommit(String projectId, String taskId, ReplayStatus replay) {
        if (replay.isReplay()) return; // nobody watches a rebuild row by row
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notifier.changed(projectId, List.of(taskId));
            return;
        }
        // one message per project and transaction (a processor batch): collected here, sent after the commit
        @SuppressWarnings("unchecked")
        Map<String, Set<String>> changed = (Map<String, Set<String>>) TransactionSynchronizationManager.getResource(this);
        if (changed == null) {
            Map<String, Set<String>> collected = new LinkedHashMap<>();
            changed = collected;
            TransactionSynchronizationManager.bindResource(this, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() { collected.forEach(notifier::changed); }

                @Override
                public void afterCompletion(int status) { TransactionSynchronizationManager.unbindResourceIfPossible(DataManagerProjection.this); }
            });
        }
        changed.computeIfAbsent(projectId, p -> new LinkedHashSet<>()).add(taskId);
    }

    private static java.sql.Timestamp ts(Instant at) { return java.sql.Timestamp.from(at); }

    private record Row(long lastSeq, int annotationCount, boolean completed, int overlap) {}


    /** Drafts (ADR 0032): one row per person and task, guarded by the task's sequence number. */
    @EventHandler
    void on(DraftSaved e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_draft (task_id, user_id, project_id, organization_id, result, lead_time_seconds, saved_at, last_seq)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (task_id, user_id) DO UPDATE SET result = excluded.result, lead_time_seconds = excluded.lead_time_seconds,
                    saved_at = excluded.saved_at, last_seq = excluded.last_seq
                WHERE rm_draft.last_seq < excluded.last_seq""",
                e.taskId().value(), e.by().value(), e.projectId().value(), e.organizationId().value(),
                json.writeValueAsString(e.result()), e.leadTimeSeconds(), ts(at), seq);
    }

    @EventHandler
    void on(DraftDiscarded e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE rm_draft SET result = NULL, lead_time_seconds = NULL, saved_at = ?, last_seq = ?
                WHERE task_id = ? AND user_id = ? AND last_seq < ?""",
                ts(at), seq, e.taskId().value(), e.by().value(), seq);
    }
}
