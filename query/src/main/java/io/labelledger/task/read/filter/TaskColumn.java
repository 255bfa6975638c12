package io.labelledger.task.read.filter;

import java.util.List;

/**
 * The Data Manager's filterable and sortable columns over dm_task. DATA and LABELS take a path (a key path in the
 * task data; a control name). Assignment (being built with the workflow settings) adds its column here: a PEOPLE
 * column over an array of assignee ids, and "assigned to me" is then {@code ASSIGNEES CONTAINS "@me"}.
 */
public enum TaskColumn {
    NUMBER("number", ColumnType.INTEGER, "bigint", false),
    CREATED_AT("created_at", ColumnType.DATE, "timestamptz", false),
    UPDATED_AT("updated_at", ColumnType.DATE, "timestamptz", false),
    ANNOTATIONS("annotation_count", ColumnType.INTEGER, "int", false),
    SKIPS("skip_count", ColumnType.INTEGER, "int", false),
    PREDICTIONS("prediction_count", ColumnType.INTEGER, "int", false),
    PREDICTION_SCORE("prediction_score", ColumnType.NUMBER, "double precision", true),
    MODEL_VERSIONS("model_versions", ColumnType.TEXT_SET, null, false),
    LEAD_TIME("lead_time_seconds", ColumnType.NUMBER, "double precision", true),
    ANNOTATORS("annotators", ColumnType.PEOPLE, null, false),
    REVIEWERS("reviewers", ColumnType.PEOPLE, null, false),
    ACCEPTED("accepted_count", ColumnType.INTEGER, "int", false),
    REJECTED("rejected_count", ColumnType.INTEGER, "int", false),
    REVIEW_STATE("review_state", ColumnType.CHOICE, "text", false),
    COMPLETED("completed", ColumnType.BOOLEAN, "boolean", false),
    GROUND_TRUTH("ground_truth", ColumnType.BOOLEAN, "boolean", false),
    LABELS("labels", ColumnType.LABELS, null, false),
    DATA("data", ColumnType.DATA, "jsonb", true),
    // the live comments of the task's live annotations, and the unresolved ones (issue 10)
    COMMENTS("comment_count", ColumnType.INTEGER, "int", false),
    UNRESOLVED_COMMENTS("unresolved_comment_count", ColumnType.INTEGER, "int", false),
    // who is assigned the task to annotate and to review (ADR 0042; columns and "assigned to me" since ADR 0048)
    ASSIGNED_ANNOTATORS("assigned_annotators", ColumnType.PEOPLE, null, false),
    ASSIGNED_REVIEWERS("assigned_reviewers", ColumnType.PEOPLE, null, false);

    /** The review states a CHOICE condition may name. */
    public static final List<String> REVIEW_STATES = List.of("NONE", "PENDING", "REJECTED", "ACCEPTED");

    final String column;
    final ColumnType type;
    /** The SQL type a sort cursor's value is cast back to; null: not sortable (sets). */
    final String sortType;
    final boolean nullable;

    TaskColumn(String column, ColumnType type, String sortType, boolean nullable) {
        this.column = column;
        this.type = type;
        this.sortType = sortType;
        this.nullable = nullable;
    }

    public ColumnType type() { return type; }

    public boolean sortable() { return sortType != null; }

    public String sortType() { return sortType; }

    public boolean nullable() { return nullable; }

    public boolean needsPath() { return this == DATA || this == LABELS; }
}
