package io.labelledger.task.read.filter;

import java.util.List;

/** Conditions combined with AND or OR ({@code any}), as one Data Manager view asks for them. */
public record TaskFilter(boolean any, List<TaskCondition> conditions) {
    public static final TaskFilter NONE = new TaskFilter(false, List.of());

    public TaskFilter {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public boolean isEmpty() { return conditions.isEmpty(); }
}
