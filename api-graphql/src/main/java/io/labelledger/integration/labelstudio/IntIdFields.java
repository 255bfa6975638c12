package io.labelledger.integration.labelstudio;

import io.labelledger.api.Caller;
import io.labelledger.project.read.ProjectView;
import io.labelledger.shared.read.IntIdQueries;
import io.labelledger.shared.read.IntIdQueries.Kind;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code intId} of projects, tasks and annotations in GraphQL: the integer id Label Studio's REST API uses for them
 * (ADR 0050), batch-loaded (one query per type and request level), scoped by the caller's organization.
 */
@Controller
public class IntIdFields {
    private final IntIdQueries ids;

    public IntIdFields(IntIdQueries ids) {
        this.ids = ids;
    }

    @BatchMapping(typeName = "Project", field = "intId")
    public Mono<Map<ProjectView, Long>> projects(List<ProjectView> projects, @ContextValue Caller caller) {
        return of(Kind.PROJECT, caller, projects, ProjectView::id);
    }

    @BatchMapping(typeName = "Task", field = "intId")
    public Mono<Map<TaskView, Long>> tasks(List<TaskView> tasks, @ContextValue Caller caller) {
        return of(Kind.TASK, caller, tasks, TaskView::id);
    }

    @BatchMapping(typeName = "Annotation", field = "intId")
    public Mono<Map<AnnotationView, Long>> annotations(List<AnnotationView> annotations, @ContextValue Caller caller) {
        return of(Kind.ANNOTATION, caller, annotations, AnnotationView::id);
    }

    private <T> Mono<Map<T, Long>> of(Kind kind, Caller caller, List<T> items, Function<T, String> id) {
        return ids.intIdsOf(kind, caller.organizationId(), items.stream().map(id).toList()).map(numbers -> {
            Map<T, Long> out = new HashMap<>();
            for (T item : items) {
                Long n = numbers.get(id.apply(item));
                if (n != null) out.put(item, n);
            }
            return out;
        });
    }
}
