package io.labelledger.task.read;

/** Sortable Data Manager columns; each has an index ending in the task number. */
public record TaskOrder(Field field, boolean descending) {
    public enum Field {
        NUMBER("number"), ANNOTATIONS("annotation_count"), COMPLETED("completed"), UPDATED_AT("updated_at"),
        GROUND_TRUTH("ground_truth");

        final String column;

        Field(String column) { this.column = column; }
    }

    public static final TaskOrder DEFAULT = new TaskOrder(Field.NUMBER, false);
}
