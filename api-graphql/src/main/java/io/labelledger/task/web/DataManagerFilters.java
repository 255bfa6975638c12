package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.project.web.ProjectController.TaskFilterInput;
import io.labelledger.task.read.TaskSelection;
import io.labelledger.task.read.filter.FilterCompiler;
import io.labelledger.task.read.filter.FilterOperator;
import io.labelledger.task.read.filter.TaskColumn;
import io.labelledger.task.read.filter.TaskCondition;
import io.labelledger.task.read.filter.FilterRefused;
import io.labelledger.task.read.filter.TaskFilter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * Blind labeling holds for filters too: someone who sees only their own annotations (AnnotationVisibility) may not
 * filter by others' labels or reviewers, nor by who annotated, except "annotated by me" (or not).
 */
@Component
public class DataManagerFilters {
    private static final Set<TaskColumn> OTHERS_WORK = Set.of(TaskColumn.LABELS, TaskColumn.REVIEWERS, TaskColumn.ANNOTATORS);

    private final AnnotationVisibility visibility;
    private final DataManagerAccess access;

    public DataManagerFilters(AnnotationVisibility visibility, DataManagerAccess access) {
        this.visibility = visibility;
        this.access = access;
    }

    /** A filter the caller may use, and whose assigned tasks only they see (null: every task). */
    public record Scoped(TaskFilter filter, String onlyAssignedTo) {}

    /** {@link #allowed} with the caller's part of the list (DataManagerAccess.Scope). */
    public Mono<Scoped> scoped(Caller caller, String projectId, TaskFilter filter) {
        return allowed(caller, projectId, filter).flatMap(f -> access.scope(caller, projectId)
                .map(scope -> new Scoped(f, scope == DataManagerAccess.Scope.ASSIGNED ? caller.userId() : null)));
    }

    /**
     * The filter when the caller may use it in this project, else a FORBIDDEN refusal naming the condition; a caller
     * who may not browse the project's task list at all (DataManagerAccess) is refused first.
     */
    public Mono<TaskFilter> allowed(Caller caller, String projectId, TaskFilter filter) {
        int first = firstAboutOthers(caller, filter.conditions());
        if (first < 0) return access.check(caller, projectId).thenReturn(filter);
        return access.check(caller, projectId).then(visibility.seesEveryAnnotation(caller, projectId)).flatMap(all -> all ? Mono.just(filter)
                : Mono.error(new FilterRefused(ErrorCode.FORBIDDEN, List.of("conditions", Integer.toString(first), "column"),
                        "You see only your own annotations in this project: no filter on others' labels, reviews or work")));
    }

    /** The Data Manager's selection (ADR 0038): the ticked tasks, or every task matching the filter. One of the two. */
    public record TaskSelectionInput(List<String> taskIds, TaskFilterInput filter, List<String> excludedIds) {
        public TaskSelectionInput(List<String> taskIds, TaskFilterInput filter) {
            this(taskIds, filter, null);
        }
    }

    /** Null for none; a refusal ({@link FilterRefused}) for a selection that is neither or both, or too large. */
    public static TaskSelection selection(TaskSelectionInput in) {
        if (in == null) return null;
        if (in.excludedIds() != null && !in.excludedIds().isEmpty()) { // bulk actions' "all matching less the unticked" (ADR 0042)
            throw new FilterRefused(ErrorCode.VALIDATION, List.of("excludedIds"), "Untick no task here: select ticked tasks or all matching");
        }
        boolean ids = in.taskIds() != null && !in.taskIds().isEmpty();
        if (ids == (in.filter() != null)) {
            throw new FilterRefused(ErrorCode.VALIDATION, List.of("taskIds"), "Select ticked tasks or all tasks matching a filter, not both");
        }
        if (ids) {
            if (!in.taskIds().stream().allMatch(Ids::isUuid)) throw new FilterRefused(ErrorCode.VALIDATION, List.of("taskIds"), "Not a task id");
            return TaskSelection.ofIds(in.taskIds());
        }
        return TaskSelection.matching(in.filter().reviewState(), in.filter().groundTruth(), in.filter().conditionsFilter());
    }

    /** The input field of a selection's refusal: {@code selection.taskIds}, or {@code selection.filter.conditions.…}. */
    public static List<String> selectionField(List<String> field) {
        List<String> path = new java.util.ArrayList<>(List.of("selection"));
        if (field != null && !field.isEmpty() && !"taskIds".equals(field.getFirst()) && !"excludedIds".equals(field.getFirst())) path.add("filter");
        if (field != null) path.addAll(field);
        return List.copyOf(path);
    }

    /**
     * A selection as SQL for the caller (null: none), checked like a filter: blind labeling holds, and a bad filter is a
     * refusal naming {@code selection.…}.
     */
    public Mono<FilterCompiler.Sql> compiled(Caller caller, String projectId, TaskSelectionInput in) {
        if (in == null) return Mono.empty();
        return Mono.fromCallable(() -> selection(in))
                   .flatMap(sel -> allowed(caller, projectId, sel.filter()).map(f -> sel.sql(caller.userId())))
                   .onErrorMap(FilterRefused.class, e -> new FilterRefused(e.code(), selectionField(e.field()), e.getMessage()));
    }

    private static int firstAboutOthers(Caller caller, List<TaskCondition> conditions) {
        for (int i = 0; i < conditions.size(); i++) {
            TaskCondition c = conditions.get(i);
            if (!OTHERS_WORK.contains(c.column())) continue;
            boolean aboutMe = c.column() == TaskColumn.ANNOTATORS
                              && (c.operator() == FilterOperator.CONTAINS || c.operator() == FilterOperator.NOT_CONTAINS)
                              && (FilterCompiler.ME.equals(c.value()) || caller.userId().equals(c.value()));
            if (!aboutMe) return i;
        }
        return -1;
    }
}
