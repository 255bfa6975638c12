package io.labelledger.task.read;

import io.labelledger.shared.ErrorCode;
import io.labelledger.task.read.filter.FilterCompiler;
import io.labelledger.task.read.filter.FilterRefused;
import io.labelledger.task.read.filter.TaskFilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks selected in the Data Manager (issue 12, ADR 0038) for a bulk action: the ticked rows (task ids, at most
 * {@value #MAX_IDS}), or every task matching the view's filter (review state, ground truth and conditions), however
 * many. Compiled like a page's filter: SQL text from {@link FilterCompiler}, every value a bind parameter.
 */
public record TaskSelection(List<String> taskIds, ReviewState reviewState, Boolean groundTruth, TaskFilter filter) {
    public static final int MAX_IDS = 10_000;

    public TaskSelection {
        taskIds = taskIds == null ? List.of() : taskIds.stream().distinct().toList();
        filter = filter == null ? TaskFilter.NONE : filter;
    }

    public static TaskSelection ofIds(List<String> taskIds) {
        if (taskIds == null || taskIds.isEmpty()) {
            throw new FilterRefused(ErrorCode.VALIDATION, List.of("taskIds"), "Select at least one task");
        }
        if (taskIds.size() > MAX_IDS) {
            throw new FilterRefused(ErrorCode.VALIDATION, List.of("taskIds"), "At most " + MAX_IDS + " ticked tasks; select all matching instead");
        }
        return new TaskSelection(taskIds, null, null, TaskFilter.NONE);
    }

    public static TaskSelection matching(ReviewState reviewState, Boolean groundTruth, TaskFilter filter) {
        return new TaskSelection(List.of(), reviewState, groundTruth, filter);
    }

    /** Ticked rows rather than a filter. */
    public boolean byIds() { return !taskIds.isEmpty(); }

    /**
     * The selection as one SQL condition over dm_task's own columns (no table alias needed; the caller adds the
     * organization and project), with its parameters (names starting {@code sel_} or the compiler's {@code f}).
     * Refuses a bad filter with {@link FilterRefused}.
     */
    public FilterCompiler.Sql sql(String callerId) {
        if (byIds()) return new FilterCompiler.Sql("task_id = ANY(:sel_ids)", Map.of("sel_ids", taskIds.toArray(String[]::new)));
        FilterCompiler.Sql where = FilterCompiler.compile(filter, callerId);
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        StringBuilder sql = new StringBuilder(where.where());
        if (reviewState != null) {
            sql.append(" AND review_state = :sel_review");
            params.put("sel_review", reviewState.name());
        }
        if (groundTruth != null) sql.append(groundTruth ? " AND ground_truth" : " AND NOT ground_truth");
        return new FilterCompiler.Sql("(" + sql + ")", Map.copyOf(params));
    }
}
