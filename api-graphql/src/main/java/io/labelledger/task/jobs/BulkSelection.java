package io.labelledger.task.jobs;

import io.labelledger.task.read.ReviewState;
import io.labelledger.task.read.filter.FilterOperator;
import io.labelledger.task.read.filter.TaskColumn;
import io.labelledger.task.read.filter.TaskCondition;
import io.labelledger.task.read.filter.TaskFilter;

import java.util.List;

/**
 * Which tasks a bulk action applies to, as stored with its job: the ticked tasks ({@code taskIds}), or all that match
 * the Data Manager's filter (review state, ground truth, conditions) less {@code excludedIds} (unticked after "select
 * all"). The filter is compiled again by the worker with the job owner as "me".
 */
public record BulkSelection(List<String> taskIds, ReviewState reviewState, Boolean groundTruth, boolean or, List<Condition> conditions,
                            List<String> excludedIds) {
    public record Condition(TaskColumn column, List<String> path, FilterOperator operator, Object value) {}

    public BulkSelection {
        taskIds = taskIds == null ? null : List.copyOf(taskIds);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        excludedIds = excludedIds == null ? List.of() : List.copyOf(excludedIds);
    }

    public static BulkSelection ticked(List<String> taskIds) {
        return new BulkSelection(taskIds, null, null, false, List.of(), List.of());
    }

    public static BulkSelection matching(ReviewState reviewState, Boolean groundTruth, TaskFilter filter, List<String> excludedIds) {
        return new BulkSelection(null, reviewState, groundTruth, filter.any(),
                filter.conditions().stream().map(c -> new Condition(c.column(), c.path(), c.operator(), c.value())).toList(), excludedIds);
    }

    /** Ticked tasks (else: all that match). Not a bean getter: the stored JSON has the components only. */
    public boolean tickedOnly() { return taskIds != null; }

    public TaskFilter filter() {
        return conditions.isEmpty() ? TaskFilter.NONE
                : new TaskFilter(or, conditions.stream().map(c -> new TaskCondition(c.column(), c.path(), c.operator(), c.value())).toList());
    }
}
