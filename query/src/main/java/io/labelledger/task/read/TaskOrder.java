package io.labelledger.task.read;

import io.labelledger.task.read.filter.TaskColumn;

import java.util.List;

/**
 * A Data Manager sort: a column (DATA with a key path in the task data), ascending or descending, always with the
 * task number as tie-breaker (keyset pagination). Nulls (no score, a data field a task lacks) sort last ascending,
 * first descending, as PostgreSQL's indexes hold them.
 */
public record TaskOrder(Field field, boolean descending, List<String> path) {
    public enum Field {
        NUMBER(TaskColumn.NUMBER), ANNOTATIONS(TaskColumn.ANNOTATIONS), COMPLETED(TaskColumn.COMPLETED),
        UPDATED_AT(TaskColumn.UPDATED_AT), GROUND_TRUTH(TaskColumn.GROUND_TRUTH), CREATED_AT(TaskColumn.CREATED_AT),
        SKIPS(TaskColumn.SKIPS), PREDICTIONS(TaskColumn.PREDICTIONS), PREDICTION_SCORE(TaskColumn.PREDICTION_SCORE),
        LEAD_TIME(TaskColumn.LEAD_TIME), ACCEPTED(TaskColumn.ACCEPTED), REJECTED(TaskColumn.REJECTED),
        REVIEW_STATE(TaskColumn.REVIEW_STATE), DATA(TaskColumn.DATA),
        COMMENTS(TaskColumn.COMMENTS), UNRESOLVED_COMMENTS(TaskColumn.UNRESOLVED_COMMENTS);

        final TaskColumn column;

        Field(TaskColumn column) { this.column = column; }

        public TaskColumn column() { return column; }
    }

    public TaskOrder(Field field, boolean descending) {
        this(field, descending, null);
    }

    public static final TaskOrder DEFAULT = new TaskOrder(Field.NUMBER, false);
}
