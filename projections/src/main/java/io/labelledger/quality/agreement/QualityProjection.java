package io.labelledger.quality.agreement;

import io.labelledger.project.api.QualitySettings;
import io.labelledger.project.api.QualitySettingsChanged;
import io.labelledger.projection.AfterCommit;
import io.labelledger.quality.metrics.AgreementSettings;
import io.labelledger.quality.metrics.TaskAgreement;
import io.labelledger.task.api.AnnotationDeleted;
import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.AnnotationUpdated;
import io.labelledger.task.api.GroundTruthChanged;
import io.labelledger.task.api.Prediction;
import io.labelledger.task.api.TaskImported;
import io.labelledger.task.api.TaskSkipped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Live agreement (issue 13, ADR 0044): on every event that changes a task's live annotations, predictions or ground
 * truth, recomputes that task's figures (its pairs, model agreement, scores against the ground truth) and moves the
 * affected annotator × annotator matrix cells by the difference — never the whole project. Runs in the event
 * processor's transaction; each handler is guarded by the task's aggregate sequence number, so a redelivered event
 * changes nothing, and a rebuild by replay gives the same rows (the metrics are pure functions of the results).
 */
@ProcessingGroup(QualityProjection.GROUP)
public class QualityProjection {
    public static final String GROUP = "quality";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final AgreementNotifier notifier;

    public QualityProjection(JdbcTemplate jdbc, JsonMapper json, AgreementNotifier notifier) {
        this.jdbc = jdbc;
        this.json = json;
        this.notifier = notifier;
    }

    @EventHandler
    void on(TaskImported e, @SequenceNumber long seq, @Timestamp Instant at) {
        String task = e.taskId().value();
        int inserted = jdbc.update("""
                INSERT INTO q_task (task_id, project_id, organization_id, number, last_seq, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (task_id) DO NOTHING""",
                task, e.projectId().value(), e.organizationId().value(), e.number(), seq, ts(at));
        if (inserted == 0) return;
        List<Prediction> predictions = e.predictions() == null ? List.of() : e.predictions();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            if (p.result() == null) continue;
            jdbc.update("INSERT INTO q_prediction (task_id, position, model_version, result) VALUES (?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING",
                    task, i, p.modelVersion(), json.writeValueAsString(p.result()));
        }
    }

    @EventHandler
    void on(AnnotationSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(e.taskId().value(), seq, at)) return;
        insert(e.annotationId().value(), e.taskId().value(), e.projectId().value(), e.by().value(), e.result());
        recompute(e.taskId().value(), e.projectId().value(), at);
    }

    @EventHandler
    void on(AnnotationImported e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(e.taskId().value(), seq, at)) return;
        insert(e.annotationId().value(), e.taskId().value(), e.projectId().value(), e.authoredBy().value(), e.result());
        recompute(e.taskId().value(), e.projectId().value(), at);
    }

    @EventHandler
    void on(AnnotationUpdated e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(e.taskId().value(), seq, at)) return;
        // the author stays the one who wrote it (a reviewer's fix is still their annotation)
        jdbc.update("UPDATE q_annotation SET result = ?::jsonb WHERE annotation_id = ?",
                json.writeValueAsString(e.result()), e.annotationId().value());
        recompute(e.taskId().value(), e.projectId().value(), at);
    }

    @EventHandler
    void on(AnnotationDeleted e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(e.taskId().value(), seq, at)) return;
        jdbc.update("DELETE FROM q_annotation WHERE annotation_id = ?", e.annotationId().value());
        recompute(e.taskId().value(), e.projectId().value(), at);
    }

    @EventHandler
    void on(GroundTruthChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!claim(e.taskId().value(), seq, at)) return;
        // at most one per task (ADR 0022): marking one unmarks the others
        jdbc.update("UPDATE q_annotation SET ground_truth = (annotation_id = ? AND ?) WHERE task_id = ?",
                e.annotationId().value(), e.groundTruth(), e.taskId().value());
        recompute(e.taskId().value(), e.projectId().value(), at);
    }

    /** A skip adds no annotation (skipped work is not scored, as in Label Studio); only the task's position moves. */
    @EventHandler
    void on(TaskSkipped e, @SequenceNumber long seq, @Timestamp Instant at) {
        claim(e.taskId().value(), seq, at);
    }

    /** Moves the task's sequence guard to {@code seq}; false when the event was already applied. */
    private boolean claim(String taskId, long seq, Instant at) {
        return jdbc.update("UPDATE q_task SET last_seq = ?, updated_at = ? WHERE task_id = ? AND last_seq < ?",
                seq, ts(at), taskId, seq) == 1;
    }

    private void insert(String annotationId, String taskId, String projectId, String author, JsonNode result) {
        jdbc.update("""
                INSERT INTO q_annotation (annotation_id, task_id, project_id, author_id, result) VALUES (?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (annotation_id) DO UPDATE SET result = EXCLUDED.result""",
                annotationId, taskId, projectId, author, json.writeValueAsString(result));
    }

    /** The task's figures from its rows, and the matrix cells moved by the difference of its pairs. */
    private void recompute(String taskId, String projectId, Instant at) {
        List<TaskAgreement.Annotation> annotations = jdbc.query(
                "SELECT annotation_id, author_id, result::text AS result, ground_truth FROM q_annotation WHERE task_id = ?",
                (rs, i) -> new TaskAgreement.Annotation(rs.getString("annotation_id"), rs.getString("author_id"),
                        json.readTree(rs.getString("result")), rs.getBoolean("ground_truth")), taskId);
        List<TaskAgreement.Prediction> predictions = jdbc.query(
                "SELECT model_version, result::text AS result FROM q_prediction WHERE task_id = ? ORDER BY position",
                (rs, i) -> new TaskAgreement.Prediction(rs.getString("model_version"), json.readTree(rs.getString("result"))), taskId);
        TaskAgreement.Scores scores = TaskAgreement.of(annotations, predictions, settings(projectId));

        // take the task's old pairs out of the matrix, then put the new ones in
        jdbc.update("""
                UPDATE q_matrix_cell c SET score_sum = c.score_sum - p.total, pair_count = c.pair_count - p.pairs
                FROM (SELECT user_a, user_b, sum(score) AS total, count(*) AS pairs FROM q_pair WHERE task_id = ? GROUP BY user_a, user_b) p
                WHERE c.project_id = ? AND c.user_a = p.user_a AND c.user_b = p.user_b""", taskId, projectId);
        jdbc.update("DELETE FROM q_pair WHERE task_id = ?", taskId);
        List<Object[]> pairs = new ArrayList<>();
        for (TaskAgreement.Pair p : scores.pairs()) {
            String ua = p.a().author(), ub = p.b().author();
            if (ua.compareTo(ub) > 0) { String t = ua; ua = ub; ub = t; }
            pairs.add(new Object[]{taskId, p.a().id(), p.b().id(), projectId, ua, ub, p.score()});
        }
        if (!pairs.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO q_pair (task_id, annotation_a, annotation_b, project_id, user_a, user_b, score)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", pairs);
            jdbc.update("""
                    INSERT INTO q_matrix_cell (project_id, user_a, user_b, score_sum, pair_count)
                    SELECT project_id, user_a, user_b, sum(score), count(*) FROM q_pair WHERE task_id = ? GROUP BY project_id, user_a, user_b
                    ON CONFLICT (project_id, user_a, user_b) DO UPDATE
                    SET score_sum = q_matrix_cell.score_sum + EXCLUDED.score_sum, pair_count = q_matrix_cell.pair_count + EXCLUDED.pair_count""",
                    taskId);
        }
        jdbc.update("DELETE FROM q_matrix_cell WHERE project_id = ? AND pair_count <= 0", projectId);

        jdbc.update("DELETE FROM q_ground_truth_score WHERE task_id = ?", taskId);
        List<Object[]> truth = new ArrayList<>();
        for (TaskAgreement.AgainstGroundTruth g : scores.groundTruth()) {
            truth.add(new Object[]{g.annotation().id(), taskId, projectId, g.annotation().author(), g.score()});
        }
        if (!truth.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO q_ground_truth_score (annotation_id, task_id, project_id, author_id, score) VALUES (?, ?, ?, ?, ?)", truth);
        }
        Double truthMean = scores.groundTruth().isEmpty() ? null
                : scores.groundTruth().stream().mapToDouble(TaskAgreement.AgainstGroundTruth::score).average().orElseThrow();
        jdbc.update("""
                UPDATE q_task SET annotation_count = ?, agreement = ?, model_agreement = ?, ground_truth_agreement = ?, updated_at = ?
                WHERE task_id = ?""", annotations.size(), scores.agreement(), scores.modelAgreement(), truthMean, ts(at), taskId);
        AfterCommit.run(() -> notifier.changed(projectId, taskId));
    }

    /**
     * New agreement settings (ADR 0049): kept for the project's later events, and every task of the project rescored
     * with them now, in this transaction (one processor segment: no annotation event of the project interleaves). The
     * settings version guards a redelivery; a rebuild replays the changes in their place among the annotation events.
     */
    @EventHandler
    void on(QualitySettingsChanged e, @Timestamp Instant at) {
        String project = e.projectId().value();
        int changed = jdbc.update("""
                INSERT INTO q_project_settings (project_id, settings_version, settings, changed_at) VALUES (?, ?, ?::jsonb, ?)
                ON CONFLICT (project_id) DO UPDATE SET settings_version = EXCLUDED.settings_version, settings = EXCLUDED.settings,
                    changed_at = EXCLUDED.changed_at
                WHERE q_project_settings.settings_version < EXCLUDED.settings_version""",
                project, e.settingsVersion(), json.writeValueAsString(e.settings()), ts(at));
        if (changed == 0) return;
        for (String task : jdbc.queryForList("SELECT task_id FROM q_task WHERE project_id = ? ORDER BY number", String.class, project)) {
            recompute(task, project, at);
        }
    }

    /** The project's agreement settings: the last QualitySettingsChanged applied, else the defaults (ADR 0044, 0049). */
    private AgreementSettings settings(String projectId) {
        List<String> stored = jdbc.queryForList("SELECT settings::text FROM q_project_settings WHERE project_id = ?", String.class, projectId);
        return stored.isEmpty() ? AgreementSettings.DEFAULTS : json.readValue(stored.getFirst(), QualitySettings.class).toAgreementSettings();
    }

    private static java.sql.Timestamp ts(Instant at) { return java.sql.Timestamp.from(at); }
}
