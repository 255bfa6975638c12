package io.labelledger.task.read;

import io.labelledger.shared.read.Cursor;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
            prediction_count, completed, created_at, updated_at, review_state, ground_truth""";
    private final DatabaseClient db;

    public TaskQueries(DatabaseClient db) {
        this.db = db;
    }

    public Mono<TaskView> get(String organizationId, String taskId) {
        return db.sql("SELECT " + COLUMNS + " FROM dm_task WHERE organization_id = :org AND task_id = :id")
                 .bind("org", organizationId).bind("id", taskId).map(TaskQueries::view).one();
    }

    /**
     * A page of the rows in one review state and with or without a ground-truth annotation (null: either); the
     * filters keep keyset pagination exact.
     */
    public Flux<TaskView> page(String organizationId, String projectId, TaskOrder order, ReviewState reviewState, Boolean groundTruth,
                               int limit, Cursor after) {
        String col = order.field().column;
        String dir = order.descending() ? "DESC" : "ASC";
        String cmp = order.descending() ? "<" : ">";
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dm_task WHERE organization_id = :org AND project_id = :project");
        if (reviewState != null) sql.append(" AND review_state = :reviewState");
        if (groundTruth != null) sql.append(groundTruth ? " AND ground_truth" : " AND NOT ground_truth");
        if (after != null) {
            if (order.field() == TaskOrder.Field.NUMBER) sql.append(" AND number ").append(cmp).append(" :n");
            else sql.append(" AND (").append(col).append(", number) ").append(cmp).append(" (:v, :n)");
        }
        sql.append(" ORDER BY ");
        if (order.field() != TaskOrder.Field.NUMBER) sql.append(col).append(' ').append(dir).append(", ");
        sql.append("number ").append(dir).append(" LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString())
                .bind("org", organizationId).bind("project", projectId).bind("limit", limit);
        if (reviewState != null) spec = spec.bind("reviewState", reviewState.name());
        if (after != null) {
            spec = spec.bind("n", after.tieBreaker());
            if (order.field() != TaskOrder.Field.NUMBER) spec = spec.bind("v", sortValue(order.field(), after.value()));
        }
        return spec.map(TaskQueries::view).all();
    }

    public static Cursor cursorOf(TaskView t, TaskOrder order) {
        String value = switch (order.field()) {
            case NUMBER -> "";
            case ANNOTATIONS -> Integer.toString(t.annotationCount());
            case COMPLETED -> Boolean.toString(t.completed());
            case UPDATED_AT -> t.updatedAt().toString();
            case GROUND_TRUTH -> Boolean.toString(t.groundTruth());
        };
        return new Cursor(value, t.number());
    }

    private static Object sortValue(TaskOrder.Field field, String value) {
        return switch (field) {
            case ANNOTATIONS -> Integer.parseInt(value);
            case COMPLETED, GROUND_TRUTH -> Boolean.parseBoolean(value);
            case UPDATED_AT -> OffsetDateTime.parse(value.endsWith("Z") ? value : value + "Z");
            case NUMBER -> value;
        };
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
        String filled = skipsFillOverlap ? "t.annotation_count + cardinality(t.skipped_by)" : "t.annotation_count";
        String sampling = switch (order) {
            case SEQUENTIAL -> "t.number";
            // a per-person shuffle that stays put between calls (uniform without a random() sort of the whole project)
            case UNIFORM -> "md5(t.task_id || :user), t.number";
            case UNCERTAINTY -> "t.prediction_score ASC NULLS LAST, t.number";
        };
        String sql = """
                SELECT t.task_id FROM dm_task t
                WHERE t.organization_id = :org AND t.project_id = :project AND NOT t.completed
                AND NOT (:user = ANY(t.annotators)) %s
                AND %s + (SELECT count(*) FROM dm_reservation r WHERE r.task_id = t.task_id AND r.expires_at > :now AND r.user_id <> :user)
                    < t.overlap
                ORDER BY %s%s LIMIT :limit""".formatted(skippedComeBack ? "" : "AND NOT (:user = ANY(t.skipped_by))", filled,
                skippedComeBack ? "(:user = ANY(t.skipped_by)), " : "", sampling);
        return db.sql(sql).bind("org", organizationId).bind("project", projectId).bind("user", userId)
                 .bind("now", now.atOffset(java.time.ZoneOffset.UTC)).bind("limit", limit)
                 .map(r -> r.get("task_id", String.class)).all();
    }

    /** The task the user holds a live reservation of in the project (the oldest hand-out first), if any. */
    public Mono<ReservationView> heldBy(String organizationId, String projectId, String userId, Instant now) {
        return db.sql("""
                         SELECT r.task_id, r.expires_at FROM dm_reservation r JOIN dm_task t ON t.task_id = r.task_id
                         WHERE r.organization_id = :org AND r.project_id = :project AND r.user_id = :user AND r.expires_at > :now
                         AND NOT (:user = ANY(t.annotators))
                         ORDER BY r.expires_at LIMIT 1""")
                 .bind("org", organizationId).bind("project", projectId).bind("user", userId).bind("now", now.atOffset(java.time.ZoneOffset.UTC))
                 .map(r -> new ReservationView(r.get("task_id", String.class), r.get("expires_at", OffsetDateTime.class).toInstant()))
                 .one();
    }

    /**
     * The review queue: the oldest task of the project with an annotation pending review that the user did not write
     * (nobody reviews their own annotation), among the tasks numbered after {@code afterNumber} (0: all; a reviewer
     * skipping a task); {@code onlyFull}: only tasks that have the annotations their overlap asks for.
     */
    public Mono<TaskView> nextForReview(String organizationId, String projectId, String userId, long afterNumber, boolean onlyFull) {
        return db.sql("SELECT " + COLUMNS + " " + """
                         FROM dm_task t WHERE organization_id = :org AND project_id = :project AND review_state = 'PENDING'
                         AND number > :after AND (NOT :onlyFull OR annotation_count >= overlap)
                         AND EXISTS (SELECT 1 FROM dm_annotation a
                                     WHERE a.task_id = t.task_id AND a.review_decision IS NULL AND a.author_id <> :user)
                         ORDER BY number LIMIT 1""")
                 .bind("org", organizationId).bind("project", projectId).bind("user", userId).bind("after", afterNumber)
                 .bind("onlyFull", onlyFull)
                 .map(TaskQueries::view).one();
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

    /** Live (not deleted) comments per task, for many tasks in one query. */
    public Mono<Map<String, Integer>> commentCounts(String organizationId, Collection<String> taskIds) {
        if (taskIds.isEmpty()) return Mono.just(Map.of());
        return db.sql("""
                         SELECT task_id, count(*)::int AS n FROM rm_comment
                         WHERE organization_id = :org AND task_id = ANY(:ids) AND NOT deleted GROUP BY task_id""")
                 .bind("org", organizationId).bind("ids", taskIds.toArray(String[]::new))
                 .map(r -> Map.entry(r.get("task_id", String.class), r.get("n", Integer.class))).all()
                 .collectMap(Map.Entry::getKey, Map.Entry::getValue);
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

    public static TaskView view(Readable r) {
        return new TaskView(r.get("task_id", String.class), r.get("project_id", String.class), r.get("number", Long.class),
                r.get("data", String.class), r.get("predictions", String.class), r.get("annotation_count", Integer.class),
                r.get("skip_count", Integer.class), r.get("prediction_count", Integer.class), r.get("completed", Boolean.class),
                r.get("created_at", OffsetDateTime.class).toInstant(), r.get("updated_at", OffsetDateTime.class).toInstant(),
                r.get("review_state", String.class), Boolean.TRUE.equals(r.get("ground_truth", Boolean.class)));
    }
}
