package io.labelledger.task.read;

import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.read.Cursor;
import io.labelledger.task.read.filter.FilterCompiler;
import io.labelledger.task.read.filter.FilterRefused;
import io.labelledger.task.read.filter.TaskColumn;
import io.labelledger.task.read.filter.TaskFilter;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Data Manager reads. Pages are keyset-paginated on (sort column, number), which the indexes of dm_task serve
 * directly: a page costs the same at row 10 and at row 1,000,000, and no page runs count(*).
 */
public class TaskQueries {
    private static final String COLUMNS = """
            task_id, project_id, number, data::text AS data, predictions::text AS predictions, annotation_count, skip_count,
            prediction_count, completed, created_at, updated_at, review_state, ground_truth, labels::text AS labels, annotators,
            reviewers, accepted_count, rejected_count, lead_time_seconds, prediction_score, model_versions, comment_count,
            unresolved_comment_count, assigned_annotators, assigned_reviewers""";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public TaskQueries(DatabaseClient db) {
        this.db = db;
        this.tx = TransactionalOperator.create(new R2dbcTransactionManager(db.getConnectionFactory()));
    }

    public Mono<TaskView> get(String organizationId, String taskId) {
        return db.sql("SELECT " + COLUMNS + " FROM dm_task WHERE organization_id = :org AND task_id = :id")
                 .bind("org", organizationId).bind("id", taskId).map(TaskQueries::fullView).one();
    }

    /**
     * Page {@code offset / limit} of a project's tasks by number (Label Studio's {@code page}/{@code page_size},
     * ADR 0050), optionally only the completed (or not completed) ones and only some tasks. An offset costs more on deep
     * pages than the Data Manager's keyset pages; its clients page through whole projects in order, page_size at most
     * 1,000.
     */
    public Flux<TaskView> byNumber(String organizationId, String projectId, Boolean completed, Collection<String> only, long offset, int limit) {
        var spec = db.sql("SELECT " + COLUMNS + " FROM dm_task WHERE organization_id = :org AND project_id = :project" + narrowed(completed, only)
                          + " ORDER BY number OFFSET :offset LIMIT :limit")
                     .bind("org", organizationId).bind("project", projectId).bind("offset", offset).bind("limit", limit);
        if (only != null) spec = spec.bind("only", only.toArray(String[]::new));
        return spec.map(TaskQueries::fullView).all();
    }

    private static String narrowed(Boolean completed, Collection<String> only) {
        return (completed == null ? "" : completed ? " AND completed" : " AND NOT completed") + (only == null ? "" : " AND task_id = ANY(:only)");
    }

    /** The tasks {@link #byNumber} pages through, their annotations and predictions (Label Studio's totals of a task list). */
    public record Totals(long tasks, long annotations, long predictions) {}

    public Mono<Totals> totals(String organizationId, String projectId, Boolean completed, Collection<String> only) {
        var spec = db.sql("""
                         SELECT count(*) AS tasks, COALESCE(sum(annotation_count), 0) AS annotations,
                                COALESCE(sum(prediction_count), 0) AS predictions
                         FROM dm_task WHERE organization_id = :org AND project_id = :project""" + narrowed(completed, only))
                     .bind("org", organizationId).bind("project", projectId);
        if (only != null) spec = spec.bind("only", only.toArray(String[]::new));
        return spec.map(r -> new Totals(r.get("tasks", Long.class), ((Number) r.get("annotations")).longValue(),
                         ((Number) r.get("predictions")).longValue()))
                   .one();
    }

    /** A row of a Data Manager page and the text of its sort value (for the next page's cursor). */
    public record Row(TaskView task, String sortValue) {}

    /** "N tasks match": exact, or the planner's estimate when counting would be slow. */
    public record MatchCount(long count, boolean exact) {}

    /** Data Manager queries with conditions (or a sort on a data field) stop after this: no filter takes the database down. */
    static final Duration PAGE_LIMIT = Duration.ofSeconds(5);
    /** An exact count beyond this is replaced by the planner's estimate ("about N"). */
    static final Duration COUNT_LIMIT = Duration.ofMillis(400);
    /** The sort value of a row without one (a nullable column) in a cursor. */
    private static final String NULL_VALUE = "\0";

    /**
     * A page of the project's rows: in one review state and with or without a ground-truth annotation (null: either),
     * matching the filter, sorted by any column with the task number as tie-breaker. The indexes of dm_task end in
     * number, so a page of a sort by a column costs the same at row 10 and at row 1,000,000; filtered pages run under
     * a statement timeout.
     */
    public Flux<Row> page(String organizationId, String projectId, TaskOrder order, ReviewState reviewState, Boolean groundTruth,
                          TaskFilter filter, String callerId, int limit, Cursor after) {
        return page(organizationId, projectId, order, reviewState, groundTruth, filter, callerId, null, limit, after);
    }

    /** {@code assignee}: only the tasks assigned to this person for annotation (manual distribution, ADR 0042); null: all. */
    public Flux<Row> page(String organizationId, String projectId, TaskOrder order, ReviewState reviewState, Boolean groundTruth,
                          TaskFilter filter, String callerId, String assignee, int limit, Cursor after) {
        TaskColumn sortColumn = order.field().column();
        FilterCompiler.Sql sort = FilterCompiler.sortExpression(sortColumn, order.path());
        FilterCompiler.Sql where = FilterCompiler.compile(filter, callerId);
        String expr = sort.where();
        String dir = order.descending() ? "DESC" : "ASC";
        String cmp = order.descending() ? "<" : ">";
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", " + expr + "::text AS sort_value FROM dm_task")
                .append(base(reviewState, groundTruth)).append(assigned(assignee));
        if (!filter.isEmpty()) sql.append(" AND ").append(where.where());
        boolean nullValue = after != null && NULL_VALUE.equals(after.value());
        if (after != null) {
            String v = "CAST(:v AS " + sortColumn.sortType() + ")";
            if (sortColumn == TaskColumn.NUMBER) {
                sql.append(" AND number ").append(cmp).append(" :n");
            } else if (!sortColumn.nullable()) {
                sql.append(" AND (").append(expr).append(", number) ").append(cmp).append(" (").append(v).append(", :n)");
            } else if (!order.descending()) { // nulls last
                sql.append(nullValue ? " AND (" + expr + " IS NULL AND number > :n)"
                        : " AND (" + expr + " > " + v + " OR (" + expr + " = " + v + " AND number > :n) OR " + expr + " IS NULL)");
            } else { // nulls first
                sql.append(nullValue ? " AND ((" + expr + " IS NULL AND number < :n) OR " + expr + " IS NOT NULL)"
                        : " AND (" + expr + " < " + v + " OR (" + expr + " = " + v + " AND number < :n))");
            }
        }
        sql.append(" ORDER BY ");
        if (sortColumn != TaskColumn.NUMBER) sql.append(expr).append(' ').append(dir).append(", ");
        sql.append("number ").append(dir).append(" LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = bindAssignee(bindBase(db.sql(sql.toString()), organizationId, projectId, reviewState), assignee)
                .bind("limit", limit);
        spec = bindAll(bindAll(spec, sort.params()), filter.isEmpty() ? Map.of() : where.params());
        if (after != null) {
            spec = spec.bind("n", after.tieBreaker());
            if (sortColumn != TaskColumn.NUMBER && !nullValue) spec = spec.bind("v", after.value());
        }
        Flux<Row> rows = spec.map(r -> new Row(fullView(r), r.get("sort_value", String.class))).all();
        return filter.isEmpty() && sortColumn != TaskColumn.DATA ? rows : bounded(PAGE_LIMIT, rows);
    }

    /** The cursor after a row of a page in this order. */
    public static Cursor cursorOf(Row row, TaskOrder order) {
        if (order.field() == TaskOrder.Field.NUMBER) return new Cursor("", row.task().number());
        return new Cursor(row.sortValue() == null ? NULL_VALUE : row.sortValue(), row.task().number());
    }

    /**
     * How many tasks match (separately from the pages: never a count per page). Exact when PostgreSQL counts within
     * {@link #COUNT_LIMIT}, else the planner's row estimate, marked as not exact.
     */
    public Mono<MatchCount> count(String organizationId, String projectId, ReviewState reviewState, Boolean groundTruth,
                                  TaskFilter filter, String callerId) {
        return count(organizationId, projectId, reviewState, groundTruth, filter, callerId, null);
    }

    /** {@code assignee}: as in {@link #page}. */
    public Mono<MatchCount> count(String organizationId, String projectId, ReviewState reviewState, Boolean groundTruth,
                                  TaskFilter filter, String callerId, String assignee) {
        FilterCompiler.Sql where = FilterCompiler.compile(filter, callerId);
        Mono<MatchCount> exact = bindAll(bindAssignee(bindBase(db.sql("SELECT count(*) AS n" + from(reviewState, groundTruth, filter, where)
                                                                      + assigned(assignee)), organizationId, projectId, reviewState), assignee),
                                         where.params())
                .map(r -> new MatchCount(r.get("n", Long.class), true)).one();
        return bounded(COUNT_LIMIT, exact.flux()).next()
                .onErrorResume(e -> e instanceof FilterRefused f && f.code() == ErrorCode.QUERY_TOO_SLOW,
                        e -> estimate(organizationId, projectId, reviewState, groundTruth, filter, callerId, assignee));
    }

    private static String assigned(String assignee) {
        return assignee == null ? "" : " AND :assignee = ANY(assigned_annotators)";
    }

    private static DatabaseClient.GenericExecuteSpec bindAssignee(DatabaseClient.GenericExecuteSpec spec, String assignee) {
        return assignee == null ? spec : spec.bind("assignee", assignee);
    }

    /** The planner's estimate of the matches (EXPLAIN, nothing counted): what {@link #count} answers when counting is slow. */
    public Mono<MatchCount> estimate(String organizationId, String projectId, ReviewState reviewState, Boolean groundTruth,
                                     TaskFilter filter, String callerId) {
        return estimate(organizationId, projectId, reviewState, groundTruth, filter, callerId, null);
    }

    private Mono<MatchCount> estimate(String organizationId, String projectId, ReviewState reviewState, Boolean groundTruth,
                                      TaskFilter filter, String callerId, String assignee) {
        FilterCompiler.Sql where = FilterCompiler.compile(filter, callerId);
        return bindAll(bindAssignee(bindBase(db.sql("EXPLAIN (FORMAT JSON) SELECT 1" + from(reviewState, groundTruth, filter, where) + assigned(assignee)),
                                organizationId, projectId, reviewState), assignee), where.params())
                .map(r -> r.get(0, String.class)).one()
                .map(plan -> new MatchCount(Math.round(JSON.readTree(plan).get(0).get("Plan").get("Plan Rows").asDouble()), false));
    }

    /** A selected task of a bulk action: its id and number (the page key). */
    public record SelectedTask(String id, long number) {}

    /**
     * A bulk action's selection "all that match the filter" (issue 11, ADR 0042), a page at a time in task order: the
     * tasks numbered after {@code afterNumber} up to the job's snapshot {@code maxNumber}, without {@code excluded}.
     * Keyset pages by number, so a selection of a million tasks never holds more than a page; a task the action
     * changed meanwhile so that it no longer matches is simply not met again.
     */
    public Flux<SelectedTask> selection(String organizationId, String projectId, ReviewState reviewState, Boolean groundTruth,
                                        TaskFilter filter, String callerId, Collection<String> excluded, long afterNumber,
                                        long maxNumber, int limit) {
        FilterCompiler.Sql where = FilterCompiler.compile(filter, callerId);
        String sql = "SELECT task_id, number" + from(reviewState, groundTruth, filter, where)
                     + " AND number > :after AND number <= :max" + (excluded.isEmpty() ? "" : " AND NOT (task_id = ANY(:excluded))")
                     + " ORDER BY number LIMIT :limit";
        DatabaseClient.GenericExecuteSpec spec = bindAll(bindBase(db.sql(sql), organizationId, projectId, reviewState), where.params())
                .bind("after", afterNumber).bind("max", maxNumber).bind("limit", limit);
        if (!excluded.isEmpty()) spec = spec.bind("excluded", excluded.toArray(String[]::new));
        return spec.map(r -> new SelectedTask(r.get("task_id", String.class), r.get("number", Long.class))).all();
    }

    /** How many tasks {@link #selection} will meet (exact: a background job's progress total). */
    public Mono<Long> selectionCount(String organizationId, String projectId, ReviewState reviewState, Boolean groundTruth,
                                     TaskFilter filter, String callerId, Collection<String> excluded, long maxNumber) {
        FilterCompiler.Sql where = FilterCompiler.compile(filter, callerId);
        String sql = "SELECT count(*) AS n" + from(reviewState, groundTruth, filter, where) + " AND number <= :max"
                     + (excluded.isEmpty() ? "" : " AND NOT (task_id = ANY(:excluded))");
        DatabaseClient.GenericExecuteSpec spec = bindAll(bindBase(db.sql(sql), organizationId, projectId, reviewState), where.params())
                .bind("max", maxNumber);
        if (!excluded.isEmpty()) spec = spec.bind("excluded", excluded.toArray(String[]::new));
        return spec.map(r -> r.get("n", Long.class)).one();
    }

    /** The ticked tasks that are in the project, in task order (ids of other projects or organizations drop out). */
    public Flux<SelectedTask> selectedIds(String organizationId, String projectId, Collection<String> taskIds) {
        if (taskIds.isEmpty()) return Flux.empty();
        return db.sql("""
                         SELECT task_id, number FROM dm_task WHERE organization_id = :org AND project_id = :project AND task_id = ANY(:ids)
                         ORDER BY number""")
                 .bind("org", organizationId).bind("project", projectId).bind("ids", taskIds.toArray(String[]::new))
                 .map(r -> new SelectedTask(r.get("task_id", String.class), r.get("number", Long.class))).all();
    }

    /** The highest task number of the project now: a bulk job's snapshot (tasks imported later are not selected). */
    public Mono<Long> maxNumber(String organizationId, String projectId) {
        return db.sql("SELECT coalesce(max(number), 0) AS n FROM dm_task WHERE organization_id = :org AND project_id = :project")
                 .bind("org", organizationId).bind("project", projectId).map(r -> r.get("n", Long.class)).one();
    }

    private static String from(ReviewState reviewState, Boolean groundTruth, TaskFilter filter, FilterCompiler.Sql where) {
        return " FROM dm_task" + base(reviewState, groundTruth) + (filter.isEmpty() ? "" : " AND " + where.where());
    }

    /** The data fields the project's tasks have (dm_data_key), by path. */
    public Mono<List<DataFieldView>> dataFields(String organizationId, String projectId) {
        return db.sql("""
                         SELECT k.path, array_agg(k.kind ORDER BY k.kind) AS kinds FROM dm_data_key k
                         WHERE k.project_id = :project
                           AND EXISTS (SELECT 1 FROM rm_project p WHERE p.project_id = :project AND p.organization_id = :org)
                         GROUP BY k.path ORDER BY k.path LIMIT 1000""")
                 .bind("org", organizationId).bind("project", projectId)
                 .map(r -> new DataFieldView(List.of(r.get("path", String[].class)), List.of(r.get("kinds", String[].class))))
                 .all().collectList();
    }

    private static String base(ReviewState reviewState, Boolean groundTruth) {
        return " WHERE organization_id = :org AND project_id = :project"
               + (reviewState != null ? " AND review_state = :reviewState" : "")
               + (groundTruth == null ? "" : groundTruth ? " AND ground_truth" : " AND NOT ground_truth");
    }

    private static DatabaseClient.GenericExecuteSpec bindBase(DatabaseClient.GenericExecuteSpec spec, String organizationId, String projectId,
                                                              ReviewState reviewState) {
        spec = spec.bind("org", organizationId).bind("project", projectId);
        return reviewState == null ? spec : spec.bind("reviewState", reviewState.name());
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, Map<String, Object> params) {
        for (Map.Entry<String, Object> p : params.entrySet()) spec = spec.bind(p.getKey(), p.getValue());
        return spec;
    }

    /**
     * The query in a transaction of its own with a local statement timeout; a timeout and a regex PostgreSQL
     * refuses are typed errors, not server errors.
     */
    private <T> Flux<T> bounded(Duration limit, Flux<T> query) {
        return tx.transactional(db.sql("SET LOCAL statement_timeout = " + limit.toMillis()).then().thenMany(query))
                 .onErrorMap(TaskQueries::refusal);
    }

    /** A statement timeout or an invalid regex as the typed refusal; anything else as it is. */
    public static Throwable refusal(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof R2dbcException r) {
                if ("57014".equals(r.getSqlState())) {
                    return new FilterRefused(ErrorCode.QUERY_TOO_SLOW, List.of("filter"), "The query took too long; narrow the filter");
                }
                if ("2201B".equals(r.getSqlState())) {
                    return new FilterRefused(ErrorCode.FILTER_VALUE, List.of("filter"), "Invalid regular expression: " + r.getMessage());
                }
            }
        }
        return e;
    }

    /** How the label stream orders candidates (the project's sampling setting). */
    public enum StreamOrder { SEQUENTIAL, UNIFORM, UNCERTAINTY }

    /**
     * Candidates of the label stream (ADR 0036): tasks of the project with room for the user at {@code now} (annotations,
     * ignored skips and others' live reservations below the task's overlap), that the user has not annotated, in sampling
     * order. Skipped tasks: never again ({@code skippedComeBack} false) or after every other task. The Data Manager may
     * lag a moment: the Task aggregate has the last word (ReserveTask), and the stream tries the next candidate.
     */
    public Flux<String> streamCandidates(String organizationId, String projectId, String userId, StreamOrder order,
                                         boolean skippedComeBack, boolean skipsFillOverlap, Instant now, int limit) {
        return streamCandidates(organizationId, projectId, userId, order, skippedComeBack, skipsFillOverlap, false, false, now, limit, null);
    }

    /** As below, on all the project's tasks. */
    public Flux<String> streamCandidates(String organizationId, String projectId, String userId, StreamOrder order,
                                         boolean skippedComeBack, boolean skipsFillOverlap, boolean rejectedFreePlaces, boolean manual,
                                         Instant now, int limit) {
        return streamCandidates(organizationId, projectId, userId, order, skippedComeBack, skipsFillOverlap, rejectedFreePlaces, manual,
                now, limit, null);
    }

    /**
     * {@code rejectedFreePlaces}: rejections send tasks back to the general queue (Review settings, ADR 0042): a task
     * whose annotations are rejected has room again although the Data Manager counts it completed. {@code manual}: manual
     * distribution, only the tasks assigned to the user, whatever their overlap (the Manager decided who labels them).
     * {@code selection}: among the tasks of a Data Manager selection only ("label the selected", ADR 0038; null: all); its
     * condition is over dm_task's bare column names: at the top level dm_task is the only table in scope.
     */
    public Flux<String> streamCandidates(String organizationId, String projectId, String userId, StreamOrder order,
                                         boolean skippedComeBack, boolean skipsFillOverlap, boolean rejectedFreePlaces, boolean manual,
                                         Instant now, int limit, FilterCompiler.Sql selection) {
        return streamCandidates(organizationId, projectId, userId, order, skippedComeBack, skipsFillOverlap, rejectedFreePlaces, manual,
                now, limit, selection, List.of());
    }

    /** {@code excluded}: tasks the caller already knows are not for them (refused a moment ago; the read model lags). */
    public Flux<String> streamCandidates(String organizationId, String projectId, String userId, StreamOrder order,
                                         boolean skippedComeBack, boolean skipsFillOverlap, boolean rejectedFreePlaces, boolean manual,
                                         Instant now, int limit, FilterCompiler.Sql selection, List<String> excluded) {
        String filled = (skipsFillOverlap ? "t.annotation_count + cardinality(t.skipped_by)" : "t.annotation_count")
                        + (rejectedFreePlaces ? " - t.rejected_count" : "");
        String open = manual ? ":user = ANY(t.assigned_annotators)"
                : rejectedFreePlaces ? "(NOT t.completed OR t.rejected_count > 0)" : "NOT t.completed";
        String room = manual ? "" : """
                AND %s + (SELECT count(*) FROM dm_reservation r WHERE r.task_id = t.task_id AND r.expires_at > :now AND r.user_id <> :user)
                    < t.overlap""".formatted(filled);
        String sampling = switch (order) {
            case SEQUENTIAL -> "t.number";
            // a per-person shuffle that stays put between calls (uniform without a random() sort of the whole project)
            case UNIFORM -> "md5(t.task_id || :user), t.number";
            case UNCERTAINTY -> "t.prediction_score ASC NULLS LAST, t.number";
        };
        String sql = """
                SELECT t.task_id FROM dm_task t
                WHERE t.organization_id = :org AND t.project_id = :project AND %s
                AND NOT (:user = ANY(t.annotators)) %s %s%s
                ORDER BY %s%s LIMIT :limit""".formatted(open, skippedComeBack ? "" : "AND NOT (:user = ANY(t.skipped_by))", room,
                (selection == null ? "" : " AND " + selection.where()) + (excluded.isEmpty() ? "" : " AND t.task_id <> ALL(:excluded)"),
                skippedComeBack ? "(:user = ANY(t.skipped_by)), " : "", sampling);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("org", organizationId).bind("project", projectId).bind("user", userId)
                 .bind("limit", limit);
        if (!manual) spec = spec.bind("now", now.atOffset(java.time.ZoneOffset.UTC));
        if (!excluded.isEmpty()) spec = spec.bind("excluded", excluded.toArray(String[]::new));
        if (selection == null) return spec.map(r -> r.get("task_id", String.class)).all();
        return bounded(PAGE_LIMIT, bindAll(spec, selection.params()).map(r -> r.get("task_id", String.class)).all());
    }

    /**
     * The oldest task of the project where the user's own annotation is rejected (the latest review of it): with
     * rejections requeued to the annotator, their stream hands it back to them first, to fix (ADR 0042).
     */
    public Mono<String> rejectedOf(String organizationId, String projectId, String userId) {
        return db.sql("""
                         SELECT a.task_id FROM dm_annotation a
                         WHERE a.organization_id = :org AND a.project_id = :project AND a.author_id = :user AND a.review_decision = 'REJECTED'
                         ORDER BY a.reviewed_at, a.task_id LIMIT 1""")
                 .bind("org", organizationId).bind("project", projectId).bind("user", userId)
                 .map(r -> r.get("task_id", String.class)).one();
    }

    /** The task the user holds a live reservation of in the project (the oldest hand-out first), if any. */
    public Mono<ReservationView> heldBy(String organizationId, String projectId, String userId, Instant now) {
        return heldBy(organizationId, projectId, userId, now, null);
    }

    /** As above, among the tasks of a Data Manager selection only (null: all): the others' reservations just expire. */
    public Mono<ReservationView> heldBy(String organizationId, String projectId, String userId, Instant now, FilterCompiler.Sql selection) {
        // the selection's bare column names resolve to s, the innermost dm_task
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                         SELECT r.task_id, r.expires_at FROM dm_reservation r JOIN dm_task t ON t.task_id = r.task_id
                         WHERE r.organization_id = :org AND r.project_id = :project AND r.user_id = :user AND r.expires_at > :now
                         AND NOT (:user = ANY(t.annotators))""" + (selection == null ? ""
                         : " AND EXISTS (SELECT 1 FROM dm_task s WHERE s.task_id = t.task_id AND " + selection.where() + ")") + """
                          ORDER BY r.expires_at LIMIT 1""")
                 .bind("org", organizationId).bind("project", projectId).bind("user", userId).bind("now", now.atOffset(java.time.ZoneOffset.UTC));
        if (selection != null) spec = bindAll(spec, selection.params());
        return spec.map(r -> new ReservationView(r.get("task_id", String.class), r.get("expires_at", OffsetDateTime.class).toInstant()))
                 .one();
    }

    /**
     * The review queue: the oldest task of the project with an annotation pending review that the user did not write
     * (nobody reviews their own annotation), among the tasks numbered after {@code afterNumber} (0: all; a reviewer
     * skipping a task); {@code onlyFull}: only tasks that have the annotations their overlap asks for.
     */
    public Mono<TaskView> nextForReview(String organizationId, String projectId, String userId, long afterNumber, boolean onlyFull) {
        return nextForReview(organizationId, projectId, userId, afterNumber, onlyFull, ReviewAssignments.ANY);
    }

    /** Which tasks review assignments leave to a reviewer (ADR 0048). */
    public enum ReviewAssignments {
        /** Every task (people who run the project). */
        ANY,
        /** Tasks assigned to the reviewer, and tasks assigned to no reviewer (auto distribution). */
        ASSIGNED_OR_OPEN,
        /** Only tasks assigned to the reviewer (manual distribution). */
        ASSIGNED_ONLY
    }

    /** As above, narrowed by review assignments ({@code dm_task.assigned_reviewers}, GIN-indexed with the annotators'). */
    public Mono<TaskView> nextForReview(String organizationId, String projectId, String userId, long afterNumber, boolean onlyFull,
                                        ReviewAssignments assignments) {
        String narrowing = switch (assignments) {
            case ANY -> "";
            case ASSIGNED_OR_OPEN -> " AND (assigned_reviewers = '{}' OR assigned_reviewers @> ARRAY[CAST(:user AS text)])";
            case ASSIGNED_ONLY -> " AND assigned_reviewers @> ARRAY[CAST(:user AS text)]";
        };
        return db.sql("SELECT " + COLUMNS + " " + """
                         FROM dm_task t WHERE organization_id = :org AND project_id = :project AND review_state = 'PENDING'
                         AND number > :after AND (NOT :onlyFull OR annotation_count >= overlap)
                         AND EXISTS (SELECT 1 FROM dm_annotation a
                                     WHERE a.task_id = t.task_id AND a.review_decision IS NULL AND a.author_id <> :user)"""
                         + narrowing + " ORDER BY number LIMIT 1")
                 .bind("org", organizationId).bind("project", projectId).bind("user", userId).bind("after", afterNumber)
                 .bind("onlyFull", onlyFull)
                 .map(TaskQueries::fullView).one();
    }

    /** Live annotations of many tasks in one query (DataLoader batching). */
    public Mono<Map<String, List<AnnotationView>>> annotationsOf(String organizationId, Collection<String> taskIds) {
        if (taskIds.isEmpty()) return Mono.just(Map.of());
        return db.sql("""
                         SELECT annotation_id, task_id, author_id, result::text AS result, lead_time_seconds, created_at, updated_at,
                                project_id, config_version, review_decision, review_comment, reviewer_id, reviewed_at, ground_truth
                         FROM dm_annotation WHERE organization_id = :org AND task_id = ANY(:ids) ORDER BY created_at, annotation_id""")
                 .bind("org", organizationId).bind("ids", taskIds.toArray(String[]::new))
                 .map(r -> new AnnotationView(r.get("annotation_id", String.class), r.get("task_id", String.class),
                         r.get("author_id", String.class), r.get("result", String.class), r.get("lead_time_seconds", Double.class),
                         r.get("created_at", OffsetDateTime.class).toInstant(), r.get("updated_at", OffsetDateTime.class).toInstant(),
                         r.get("project_id", String.class), r.get("config_version", Integer.class), review(r),
                         Boolean.TRUE.equals(r.get("ground_truth", Boolean.class))))
                 .all()
                 .collect(Collectors.groupingBy(AnnotationView::taskId));
    }

    /** The live draft of {@code userId} on the task (ADR 0032); there is no read of another person's draft. */
    public Mono<DraftView> draftOf(String organizationId, String taskId, String userId) {
        return draftsOf(organizationId, List.of(taskId), userId).flatMap(drafts -> Mono.justOrEmpty(drafts.get(taskId)));
    }

    /** One person's drafts on many tasks in one query (DataLoader batching), by task id. */
    public Mono<Map<String, DraftView>> draftsOf(String organizationId, Collection<String> taskIds, String userId) {
        if (taskIds.isEmpty()) return Mono.just(Map.of());
        return db.sql("""
                         SELECT task_id, result::text AS result, lead_time_seconds, saved_at FROM rm_draft
                         WHERE organization_id = :org AND task_id = ANY(:tasks) AND user_id = :user AND result IS NOT NULL""")
                 .bind("org", organizationId).bind("tasks", taskIds.toArray(String[]::new)).bind("user", userId)
                 .map(r -> new DraftView(r.get("task_id", String.class), r.get("result", String.class),
                         r.get("lead_time_seconds", Double.class), r.get("saved_at", OffsetDateTime.class).toInstant()))
                 .all()
                 .collectMap(DraftView::taskId);
    }

    /** The columns {@link #commentView} reads. */
    private static final String COMMENTS = """
            SELECT comment_id, task_id, annotation_id, region_id, parent_id, author_id, text, resolved, resolved_by,
                   resolved_at, deleted, created_at, updated_at
            FROM rm_comment""";

    /** The comments of many annotations in one query (DataLoader batching), oldest first: threads via parentId. */
    public Mono<Map<String, List<CommentView>>> commentsOf(String organizationId, Collection<String> annotationIds) {
        if (annotationIds.isEmpty()) return Mono.just(Map.of());
        return db.sql(COMMENTS + " WHERE organization_id = :org AND annotation_id = ANY(:ids) ORDER BY created_at, comment_id")
                 .bind("org", organizationId).bind("ids", annotationIds.toArray(String[]::new))
                 .map(TaskQueries::commentView).all()
                 .collect(Collectors.groupingBy(CommentView::annotationId));
    }

    /** One comment of the organization, or empty. */
    public Mono<CommentView> comment(String organizationId, String commentId) {
        return db.sql(COMMENTS + " WHERE organization_id = :org AND comment_id = :id")
                 .bind("org", organizationId).bind("id", commentId).map(TaskQueries::commentView).one();
    }

    private static CommentView commentView(Readable r) {
        OffsetDateTime resolvedAt = r.get("resolved_at", OffsetDateTime.class);
        return new CommentView(r.get("comment_id", String.class), r.get("task_id", String.class), r.get("annotation_id", String.class),
                r.get("region_id", String.class), r.get("parent_id", String.class), r.get("author_id", String.class),
                r.get("text", String.class), Boolean.TRUE.equals(r.get("resolved", Boolean.class)), r.get("resolved_by", String.class),
                resolvedAt == null ? null : resolvedAt.toInstant(), Boolean.TRUE.equals(r.get("deleted", Boolean.class)),
                r.get("created_at", OffsetDateTime.class).toInstant(), r.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static ReviewView review(Readable r) {
        String decision = r.get("review_decision", String.class);
        if (decision == null) return null;
        return new ReviewView(decision, r.get("review_comment", String.class), r.get("reviewer_id", String.class),
                r.get("reviewed_at", OffsetDateTime.class).toInstant());
    }

    /** A row read with {@link #COLUMNS}: with the filter columns. */
    private static TaskView fullView(Readable r) {
        TaskView v = view(r);
        return new TaskView(v.id(), v.projectId(), v.number(), v.data(), v.predictions(), v.annotationCount(), v.skipCount(),
                v.predictionCount(), v.completed(), v.createdAt(), v.updatedAt(), v.reviewState(), v.groundTruth(),
                new TaskView.Filterable(r.get("labels", String.class), List.of(r.get("annotators", String[].class)),
                        List.of(r.get("reviewers", String[].class)), r.get("accepted_count", Integer.class), r.get("rejected_count", Integer.class),
                        r.get("lead_time_seconds", Double.class), r.get("prediction_score", Double.class),
                        List.of(r.get("model_versions", String[].class)), r.get("comment_count", Integer.class),
                        r.get("unresolved_comment_count", Integer.class), List.of(r.get("assigned_annotators", String[].class)),
                        List.of(r.get("assigned_reviewers", String[].class))));
    }

    /** A row read with the base columns (exports read their own column list). */
    public static TaskView view(Readable r) {
        return new TaskView(r.get("task_id", String.class), r.get("project_id", String.class), r.get("number", Long.class),
                r.get("data", String.class), r.get("predictions", String.class), r.get("annotation_count", Integer.class),
                r.get("skip_count", Integer.class), r.get("prediction_count", Integer.class), r.get("completed", Boolean.class),
                r.get("created_at", OffsetDateTime.class).toInstant(), r.get("updated_at", OffsetDateTime.class).toInstant(),
                r.get("review_state", String.class), Boolean.TRUE.equals(r.get("ground_truth", Boolean.class)));
    }
}
