package io.labelledger.quality.read;

import io.labelledger.quality.read.QualityViews.AgreementCellView;
import io.labelledger.quality.read.QualityViews.AnnotatorQualityView;
import io.labelledger.quality.read.QualityViews.ProjectQualityView;
import io.labelledger.quality.read.QualityViews.TaskAgreementView;
import io.labelledger.project.api.QualitySettings;
import io.labelledger.quality.metrics.ChanceAgreement;
import io.labelledger.quality.read.QualityViews.QualitySettingsView;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Agreement read models (the "quality" projection's tables). Every query is bounded by the organization through the
 * project's row: a project id of another organization reads as nothing.
 */
public class QualityQueries {
    /** The most tasks one page of the per-task list returns. */
    public static final int MAX_TASKS = 500;

    private static final String IN_ORGANIZATION = " EXISTS (SELECT 1 FROM rm_project p WHERE p.project_id = :project AND p.organization_id = :org) ";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;

    public QualityQueries(DatabaseClient db) {
        this.db = db;
    }

    /** Empty when the project is not one of the organization's. */
    public Mono<ProjectQualityView> project(String organizationId, String projectId) {
        return db.sql("""
                         SELECT avg(t.agreement) AS agreement, count(t.agreement) AS scored, avg(t.model_agreement) AS model,
                                avg(t.ground_truth_agreement) AS truth, count(t.ground_truth_agreement) AS truth_tasks
                         FROM rm_project p LEFT JOIN q_task t ON t.project_id = p.project_id
                         WHERE p.project_id = :project AND p.organization_id = :org GROUP BY p.project_id""")
                 .bind("project", projectId).bind("org", organizationId)
                 .map(r -> new ProjectQualityView(projectId, r.get("agreement", Double.class), count(r, "scored"),
                         r.get("model", Double.class), r.get("truth", Double.class), count(r, "truth_tasks")))
                 .one();
    }

    /** The matrix's cells with at least one pair, the diagonal left out (one person's several annotations of a task). */
    public Flux<AgreementCellView> matrix(String organizationId, String projectId) {
        return db.sql("SELECT user_a, user_b, score_sum, pair_count FROM q_matrix_cell WHERE project_id = :project"
                      + " AND pair_count > 0 AND user_a <> user_b AND" + IN_ORGANIZATION + "ORDER BY user_a, user_b")
                 .bind("project", projectId).bind("org", organizationId)
                 .map(r -> new AgreementCellView(r.get("user_a", String.class), r.get("user_b", String.class),
                         clip(r.get("score_sum", Double.class) / r.get("pair_count", Integer.class)), r.get("pair_count", Integer.class)))
                 .all();
    }

    /** Everyone with a live annotation in the project, with their agreement with others and against the ground truth. */
    public Flux<AnnotatorQualityView> annotators(String organizationId, String projectId) {
        return db.sql("""
                         WITH people AS (SELECT author_id AS user_id, count(*) AS annotations FROM q_annotation
                                         WHERE project_id = :project GROUP BY author_id),
                              others AS (SELECT u AS user_id, sum(s) AS total, sum(n) AS pairs FROM (
                                             SELECT user_a AS u, score_sum AS s, pair_count AS n FROM q_matrix_cell
                                             WHERE project_id = :project AND user_a <> user_b AND pair_count > 0
                                             UNION ALL
                                             SELECT user_b, score_sum, pair_count FROM q_matrix_cell
                                             WHERE project_id = :project AND user_a <> user_b AND pair_count > 0) x GROUP BY u),
                              truth AS (SELECT author_id AS user_id, avg(score) AS accuracy, count(*) AS tasks
                                        FROM q_ground_truth_score WHERE project_id = :project GROUP BY author_id)
                         SELECT people.user_id, people.annotations, others.total / nullif(others.pairs, 0) AS agreement,
                                coalesce(others.pairs, 0) AS pairs, truth.accuracy, coalesce(truth.tasks, 0) AS truth_tasks
                         FROM people LEFT JOIN others ON others.user_id = people.user_id
                                     LEFT JOIN truth ON truth.user_id = people.user_id
                         WHERE""" + IN_ORGANIZATION + "ORDER BY people.user_id")
                 .bind("project", projectId).bind("org", organizationId)
                 .map(r -> {
                     Double agreement = r.get("agreement", Double.class);
                     return new AnnotatorQualityView(r.get("user_id", String.class), count(r, "annotations"),
                             agreement == null ? null : clip(agreement), count(r, "pairs"), r.get("accuracy", Double.class),
                             count(r, "truth_tasks"));
                 })
                 .all();
    }

    /** The project's tasks that have an agreement, lowest first (the ones to look at), then by number. */
    public Flux<TaskAgreementView> tasks(String organizationId, String projectId, int first, boolean lowestFirst) {
        int limit = Math.max(1, Math.min(first, MAX_TASKS));
        return db.sql("""
                         SELECT task_id, number, annotation_count, agreement, model_agreement, ground_truth_agreement FROM q_task
                         WHERE project_id = :project AND organization_id = :org AND agreement IS NOT NULL
                         ORDER BY agreement %s, number LIMIT :limit""".formatted(lowestFirst ? "ASC" : "DESC"))
                 .bind("project", projectId).bind("org", organizationId).bind("limit", limit)
                 .map(QualityQueries::task).all();
    }

    public Mono<TaskAgreementView> task(String organizationId, String taskId) {
        return db.sql("""
                         SELECT task_id, number, annotation_count, agreement, model_agreement, ground_truth_agreement FROM q_task
                         WHERE task_id = :task AND organization_id = :org""")
                 .bind("task", taskId).bind("org", organizationId).map(QualityQueries::task).one();
    }

    /**
     * Cohen's/Fleiss' kappa and Krippendorff's alpha per categorical control (Choices, Taxonomy, Pairwise) over the
     * project's live annotations: only their categorical items are read (no region geometry), then scored off the
     * event loop. Computed on read, not incrementally (ADR 0049): one pass over the project's annotations.
     */
    public Mono<List<QualityViews.ChanceAgreementView>> chanceAgreement(String organizationId, String projectId) {
        return db.sql("""
                         SELECT a.task_id, a.author_id,
                                jsonb_path_query_array(a.result, '$[*] ? (@.type == "choices" || @.type == "taxonomy" || @.type == "pairwise")')::text AS items
                         FROM q_annotation a
                         WHERE a.project_id = :project AND""" + IN_ORGANIZATION + """
                         AND jsonb_typeof(a.result) = 'array' ORDER BY a.task_id, a.annotation_id""")
                 .bind("project", projectId).bind("org", organizationId)
                 .map(r -> new String[] {r.get("task_id", String.class), r.get("author_id", String.class), r.get("items", String.class)})
                 .all().collectList()
                 .publishOn(Schedulers.boundedElastic())
                 .map(rows -> {
                     List<ChanceAgreement.Rating> ratings = new ArrayList<>();
                     for (String[] row : rows) ratings.addAll(ChanceAgreement.ratings(row[0], row[1], JSON.readTree(row[2])));
                     return ChanceAgreement.of(ratings).stream()
                             .map(c -> new QualityViews.ChanceAgreementView(c.control(), c.resultType(), c.units(), c.raters(), c.categories(),
                                     c.fleissKappa(), c.krippendorffAlpha(), c.meanCohensKappa(), c.cohensKappa().stream()
                                     .map(k -> new QualityViews.PairKappaView(k.raterA(), k.raterB(), k.units(), k.kappa())).toList()))
                             .toList();
                 });
    }

    /** The project's agreement settings as the quality projection applies them (empty: another organization's project). */
    public Mono<QualitySettingsView> settings(String organizationId, String projectId) {
        return db.sql("""
                         SELECT s.settings_version, s.settings::text AS settings
                         FROM rm_project p LEFT JOIN q_project_settings s ON s.project_id = p.project_id
                         WHERE p.project_id = :project AND p.organization_id = :org""")
                 .bind("project", projectId).bind("org", organizationId)
                 .map(r -> {
                     String settings = r.get("settings", String.class);
                     return settings == null ? QualitySettingsView.DEFAULTS
                             : QualitySettingsView.of(r.get("settings_version", Integer.class), JSON.readValue(settings, QualitySettings.class));
                 })
                 .one();
    }

    /** A task's predictions (they never change after its import, so they hold for any instant after it). */
    public Flux<String> predictions(String taskId) {
        return db.sql("SELECT result::text AS result FROM q_prediction WHERE task_id = :task ORDER BY position")
                 .bind("task", taskId).map(r -> r.get("result", String.class)).all();
    }

    private static TaskAgreementView task(Readable r) {
        return new TaskAgreementView(r.get("task_id", String.class), r.get("number", Long.class), r.get("annotation_count", Integer.class),
                r.get("agreement", Double.class), r.get("model_agreement", Double.class), r.get("ground_truth_agreement", Double.class));
    }

    private static int count(Readable r, String column) {
        Number n = r.get(column, Number.class);
        return n == null ? 0 : n.intValue();
    }

    /** Sums moved by differences may drift by a rounding error past 0..1. */
    private static double clip(double v) { return Math.max(0, Math.min(1, v)); }
}
