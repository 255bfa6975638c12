package io.labelledger.task.export;

import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskView;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a project's tasks for an export in keyset pages of {@value #PAGE} tasks (by number), each page with its
 * tasks' live annotations in one more query. Memory stays bounded by one page whatever the project's size, and no
 * statement stays open while the client downloads.
 */
public class ExportQueries {
    public static final int PAGE = 500;
    private static final String COLUMNS = """
            task_id, project_id, number, data::text AS data, predictions::text AS predictions, annotation_count, skip_count,
            prediction_count, completed, created_at, updated_at, review_state, ground_truth, skipped_by""";

    private final DatabaseClient db;
    private final TaskQueries tasks;
    private final org.springframework.transaction.reactive.TransactionalOperator tx;

    public ExportQueries(DatabaseClient db, TaskQueries tasks) {
        this.db = db;
        this.tasks = tasks;
        this.tx = org.springframework.transaction.reactive.TransactionalOperator.create(
                new org.springframework.r2dbc.connection.R2dbcTransactionManager(db.getConnectionFactory()));
    }

    /**
     * A task with its live annotations, oldest first, the users who skipped it (without a live annotation of theirs),
     * the emails of the people named by either, and Label Studio's {@code completed_by} of imported annotations whose
     * author was no member, by annotation id ({@link #withPeople}; read at export time, never from events).
     */
    public record ExportTask(TaskView task, List<AnnotationView> annotations, List<String> skippedBy, Map<String, String> emails,
                             Map<String, String> importedAuthors) {
        public ExportTask {
            annotations = List.copyOf(annotations);
            skippedBy = skippedBy == null ? List.of() : List.copyOf(skippedBy);
            emails = emails == null ? Map.of() : Map.copyOf(emails);
            importedAuthors = importedAuthors == null ? Map.of() : Map.copyOf(importedAuthors);
        }

        /** Nobody skipped it, no emails known. */
        public ExportTask(TaskView task, List<AnnotationView> annotations) {
            this(task, annotations, List.of(), Map.of(), Map.of());
        }

        /** Only its ground-truth annotation (ADR 0022); empty when it has none; skips are not ground truth. */
        public ExportTask groundTruthOnly() {
            return new ExportTask(task, annotations.stream().filter(AnnotationView::groundTruth).toList(), List.of(), emails, importedAuthors);
        }

        /** Only annotations and skips by these users. */
        ExportTask by(Set<String> userIds) {
            return new ExportTask(task, annotations.stream().filter(a -> userIds.contains(a.authorId())).toList(),
                                  skippedBy.stream().filter(userIds::contains).toList(), emails, importedAuthors);
        }

        /** The people named by its annotations, their reviews and its skips. */
        public Set<String> people() {
            Set<String> ids = new LinkedHashSet<>(skippedBy);
            for (AnnotationView a : annotations) {
                ids.add(a.authorId());
                if (a.review() != null && a.review().reviewerId() != null) ids.add(a.review().reviewerId());
            }
            return ids;
        }

        /** With the page's lookups (by user id and annotation id); shared by the page's tasks, not copied per task. */
        public ExportTask withPeople(Map<String, String> knownEmails, Map<String, String> knownImportedAuthors) {
            return new ExportTask(task, annotations, skippedBy, knownEmails, knownImportedAuthors);
        }

        /** Label Studio's completed_by (JSON text) of an imported annotation whose author was no member; null otherwise. */
        public String importedAuthor(String annotationId) { return importedAuthors.get(annotationId); }

        /** The email of a user of this task, null when not known (not a member of the organization any more). */
        public String email(String userId) { return userId == null ? null : emails.get(userId); }
    }

    /**
     * The export's annotation filters, applied to a page in one place for the synchronous download and the export
     * jobs (ADR 0018, 0022): only ground truth, only annotations by {@code userIds} (empty: everyone's); a task left
     * without annotations by a filter is left out.
     */
    public static List<ExportTask> filterAnnotations(List<ExportTask> page, boolean onlyGroundTruth, Set<String> userIds) {
        if (!onlyGroundTruth && userIds.isEmpty()) return page;
        return page.stream()
                   .map(t -> onlyGroundTruth ? t.groundTruthOnly() : t)
                   .map(t -> userIds.isEmpty() ? t : t.by(userIds))
                   .filter(t -> !t.annotations().isEmpty())
                   .toList();
    }

    /**
     * The page with the emails of the people its tasks name (annotators, reviewers, skippers), read from the accounts
     * of the organization's members now: personal data is never written into events (ADR 0003, 0030), and someone who
     * left the organization is exported by id only.
     */
    public Mono<List<ExportTask>> withPeople(String organizationId, List<ExportTask> page) {
        Set<String> ids = new LinkedHashSet<>();
        page.forEach(t -> ids.addAll(t.people()));
        if (ids.isEmpty()) return Mono.just(page);
        String[] annotationIds = page.stream().flatMap(t -> t.annotations().stream()).map(AnnotationView::id).toArray(String[]::new);
        Mono<Map<String, String>> emails = db.sql("""
                         SELECT u.user_id, u.email FROM user_account u
                         JOIN rm_org_member m ON m.user_id = u.user_id AND m.organization_id = :org
                         WHERE u.user_id = ANY(:ids)""")
                 .bind("org", organizationId).bind("ids", ids.toArray(String[]::new))
                 .map(r -> Map.entry(r.get("user_id", String.class), r.get("email", String.class))).all()
                 .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<Map<String, String>> imported = annotationIds.length == 0 ? Mono.just(Map.of()) : db.sql("""
                         SELECT annotation_id, completed_by::text AS completed_by FROM imported_annotation_author
                         WHERE organization_id = :org AND annotation_id = ANY(:ids)""")
                 .bind("org", organizationId).bind("ids", annotationIds)
                 .map(r -> Map.entry(r.get("annotation_id", String.class), r.get("completed_by", String.class))).all()
                 .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(emails.map(Map::copyOf), imported.map(Map::copyOf)) // immutable once: each task's Map.copyOf is then free
                   .map(both -> page.stream().map(t -> t.withPeople(both.getT1(), both.getT2())).toList());
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

    /** Fixing a selection of a million tasks is one INSERT … SELECT; it may take seconds, never minutes. */
    static final java.time.Duration SELECTION_LIMIT = java.time.Duration.ofSeconds(60);

    /**
     * Fixes which tasks an export job of a Data Manager selection holds (ADR 0038): the numbers of the project's tasks
     * up to {@code maxNumber} that are selected (and completed / with ground truth when asked) go into
     * {@code export_job_task}, so the file holds exactly the tasks selected when the export started, whatever changes
     * meanwhile. The count of tasks fixed. A bad filter is a {@link io.labelledger.task.read.filter.FilterRefused}.
     */
    public Mono<Long> fixSelection(String jobId, String organizationId, String projectId, io.labelledger.task.read.TaskSelection selection,
                                   String callerId, boolean onlyCompleted, boolean onlyGroundTruth, long maxNumber) {
        return Mono.defer(() -> {
            io.labelledger.task.read.filter.FilterCompiler.Sql where = selection.sql(callerId);
            DatabaseClient.GenericExecuteSpec spec = db.sql("""
                    INSERT INTO export_job_task (job_id, number)
                    SELECT :job, number FROM dm_task
                    WHERE organization_id = :org AND project_id = :p AND number <= :max""" + (onlyCompleted ? " AND completed" : "")
                    + (onlyGroundTruth ? " AND ground_truth" : "") + " AND " + where.where() + " ON CONFLICT DO NOTHING")
                    .bind("job", jobId).bind("org", organizationId).bind("p", projectId).bind("max", maxNumber);
            for (Map.Entry<String, Object> e : where.params().entrySet()) spec = spec.bind(e.getKey(), e.getValue());
            Mono<Long> insert = spec.fetch().rowsUpdated();
            return tx.transactional(db.sql("SET LOCAL statement_timeout = " + SELECTION_LIMIT.toMillis()).then().then(insert));
        });
    }

    /** The numbers a selection fixed, in order (for the audit event of ticked rows: at most a few thousand). */
    public Mono<List<Long>> selectedNumbers(String jobId) {
        return db.sql("SELECT number FROM export_job_task WHERE job_id = :job ORDER BY number")
                 .bind("job", jobId).map(r -> r.get("number", Long.class)).all().collectList();
    }

    /** Forgets a selection whose export was not recorded (refused, failed). */
    public Mono<Void> dropSelection(String jobId) {
        return db.sql("DELETE FROM export_job_task WHERE job_id = :job").bind("job", jobId).then();
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
        return pages(organizationId, projectId, onlyCompleted, onlyGroundTruth, maxNumber, null);
    }

    /** As above; with {@code selectionOf} (an export job id) only the tasks its Data Manager selection fixed ({@link #fixSelection}). */
    public Flux<List<ExportTask>> pages(String organizationId, String projectId, boolean onlyCompleted, boolean onlyGroundTruth, long maxNumber,
                                        String selectionOf) {
        long windows = (maxNumber + PAGE - 1) / PAGE;
        return Flux.fromStream(java.util.stream.LongStream.range(0, windows).boxed())
                   .concatMap(w -> page(organizationId, projectId, onlyCompleted, onlyGroundTruth, w * PAGE, Math.min(maxNumber, (w + 1) * PAGE),
                                        selectionOf))
                   .filter(p -> !p.isEmpty());
    }

    private Mono<List<ExportTask>> page(String organizationId, String projectId, boolean onlyCompleted, boolean onlyGroundTruth,
                                        long after, long upTo, String selectionOf) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + COLUMNS + " FROM dm_task WHERE organization_id = :org AND project_id = :p AND number > :after"
                      + " AND number <= :upTo" + (onlyCompleted ? " AND completed" : "") + (onlyGroundTruth ? " AND ground_truth" : "")
                      + (selectionOf == null ? "" : " AND number IN (SELECT s.number FROM export_job_task s WHERE s.job_id = :job"
                                                    + " AND s.number > :after AND s.number <= :upTo)")
                      + " ORDER BY number");
        if (selectionOf != null) spec = spec.bind("job", selectionOf);
        return spec
                 .bind("org", organizationId).bind("p", projectId).bind("after", after).bind("upTo", upTo)
                 .map(r -> new Row(TaskQueries.view(r), r.get("skipped_by", String[].class))).all().collectList()
                 .flatMap(rows -> rows.isEmpty() ? Mono.just(List.<ExportTask>of())
                         : tasks.annotationsOf(organizationId, rows.stream().map(r -> r.task().id()).toList())
                                .map(byTask -> withAnnotations(rows, byTask)));
    }

    private record Row(TaskView task, String[] skippedBy) {}

    private static List<ExportTask> withAnnotations(List<Row> rows, Map<String, List<AnnotationView>> byTask) {
        return rows.stream().map(r -> {
            List<AnnotationView> annotations = byTask.getOrDefault(r.task().id(), List.of());
            return new ExportTask(r.task(), annotations, skippers(r.skippedBy(), annotations), Map.of(), Map.of());
        }).toList();
    }

    /** Who skipped the task and has no live annotation on it (a later annotation replaces the skip), each once. */
    public static List<String> skippers(String[] skippedBy, List<AnnotationView> annotations) {
        if (skippedBy == null || skippedBy.length == 0) return List.of();
        Set<String> authors = new HashSet<>();
        annotations.forEach(a -> authors.add(a.authorId()));
        return java.util.Arrays.stream(skippedBy).filter(id -> id != null && !authors.contains(id)).distinct().toList();
    }
}
