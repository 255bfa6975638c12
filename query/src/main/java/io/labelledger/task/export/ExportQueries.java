package io.labelledger.task.export;

import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskView;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Reads a project's tasks for an export in keyset pages of {@value #PAGE} tasks (by number), each page with its
 * tasks' live annotations in one more query. Memory stays bounded by one page whatever the project's size, and no
 * statement stays open while the client downloads.
 */
public class ExportQueries {
    public static final int PAGE = 500;
    private static final String COLUMNS = """
            task_id, project_id, number, data::text AS data, predictions::text AS predictions, annotation_count, skip_count,
            prediction_count, completed, created_at, updated_at, review_state, ground_truth""";

    private final DatabaseClient db;
    private final TaskQueries tasks;

    public ExportQueries(DatabaseClient db, TaskQueries tasks) {
        this.db = db;
        this.tasks = tasks;
    }

    /** A task with its live annotations, oldest first. */
    public record ExportTask(TaskView task, List<AnnotationView> annotations) {
        /** Only its ground-truth annotation (ADR 0022); empty when it has none. */
        public ExportTask groundTruthOnly() {
            return new ExportTask(task, annotations.stream().filter(AnnotationView::groundTruth).toList());
        }
    }

    /**
     * The export's annotation filters, applied to a page in one place for the synchronous download and the export
     * jobs (ADR 0018, 0022): only ground truth, only annotations by {@code userIds} (empty: everyone's); a task left
     * without annotations by a filter is left out.
     */
    public static List<ExportTask> filterAnnotations(List<ExportTask> page, boolean onlyGroundTruth, java.util.Set<String> userIds) {
        if (!onlyGroundTruth && userIds.isEmpty()) return page;
        return page.stream()
                   .map(t -> onlyGroundTruth ? t.groundTruthOnly() : t)
                   .map(t -> userIds.isEmpty() ? t
                           : new ExportTask(t.task(), t.annotations().stream().filter(a -> userIds.contains(a.authorId())).toList()))
                   .filter(t -> !t.annotations().isEmpty())
                   .toList();
    }

    /** What the export will hold, fixed when it starts: tasks numbered up to {@code maxNumber}. */
    public record Snapshot(long taskCount, long maxNumber) {}

    /** With {@code onlyGroundTruth}: tasks that have a ground-truth annotation today. */
    public Mono<Snapshot> snapshot(String organizationId, String projectId, boolean onlyCompleted, boolean onlyGroundTruth) {
        return db.sql("SELECT count(*) AS n, coalesce(max(number), 0) AS max FROM dm_task WHERE organization_id = :org AND project_id = :p"
                      + (onlyCompleted ? " AND completed" : "") + (onlyGroundTruth ? " AND ground_truth" : ""))
                 .bind("org", organizationId).bind("p", projectId)
                 .map(r -> new Snapshot(r.get("n", Long.class), r.get("max", Long.class))).one();
    }

    /** The data keys used by the project's tasks, sorted (CSV/TSV columns). */
    public Flux<String> dataKeys(String organizationId, String projectId) {
        return db.sql("""
                         SELECT DISTINCT k FROM dm_task, jsonb_object_keys(data) AS k
                         WHERE organization_id = :org AND project_id = :p AND jsonb_typeof(data) = 'object' ORDER BY k""")
                 .bind("org", organizationId).bind("p", projectId)
                 .map(r -> r.get("k", String.class)).all();
    }

    /**
     * Pages of tasks in number order, up to the snapshot's last number. A page is a window of {@value #PAGE} task
     * numbers, not "the next {@value #PAGE} rows": numbers are unique per project, so each query reads at most one
     * window of the (project_id, number) index whatever plan PostgreSQL picks. (With "ORDER BY number LIMIT" and stale
     * statistics — 1,000,000 fresh rows before any ANALYZE — it chose a bitmap scan of every remaining row plus a sort,
     * and a 1,000,000-task export slowed to ~220 tasks/s; docs/benchmarks.md.) Empty windows (filters, gaps) are skipped.
     * With {@code onlyGroundTruth}: only tasks that have a ground-truth annotation today (their annotations are all
     * read; {@link #filterAnnotations} keeps the ground truth).
     */
    public Flux<List<ExportTask>> pages(String organizationId, String projectId, boolean onlyCompleted, boolean onlyGroundTruth, long maxNumber) {
        long windows = (maxNumber + PAGE - 1) / PAGE;
        return Flux.fromStream(java.util.stream.LongStream.range(0, windows).boxed())
                   .concatMap(w -> page(organizationId, projectId, onlyCompleted, onlyGroundTruth, w * PAGE, Math.min(maxNumber, (w + 1) * PAGE)))
                   .filter(p -> !p.isEmpty());
    }

    private Mono<List<ExportTask>> page(String organizationId, String projectId, boolean onlyCompleted, boolean onlyGroundTruth,
                                        long after, long upTo) {
        return db.sql("SELECT " + COLUMNS + " FROM dm_task WHERE organization_id = :org AND project_id = :p AND number > :after"
                      + " AND number <= :upTo" + (onlyCompleted ? " AND completed" : "") + (onlyGroundTruth ? " AND ground_truth" : "")
                      + " ORDER BY number")
                 .bind("org", organizationId).bind("p", projectId).bind("after", after).bind("upTo", upTo)
                 .map(TaskQueries::view).all().collectList()
                 .flatMap(rows -> rows.isEmpty() ? Mono.just(List.<ExportTask>of())
                         : tasks.annotationsOf(organizationId, rows.stream().map(TaskView::id).toList())
                                .map(byTask -> withAnnotations(rows, byTask)));
    }

    private static List<ExportTask> withAnnotations(List<TaskView> rows, Map<String, List<AnnotationView>> byTask) {
        return rows.stream().map(t -> new ExportTask(t, byTask.getOrDefault(t.id(), List.of()))).toList();
    }
}
