package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.shared.ErrorCode;
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
