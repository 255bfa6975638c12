package io.labelledger.task.web;

import graphql.GraphQLContext;
import io.labelledger.api.Caller;
import io.labelledger.api.GraphQlContextInterceptor;
import io.labelledger.api.Json;
import io.labelledger.project.read.ProjectView;
import io.labelledger.project.web.ProjectController.TaskFilterInput;
import io.labelledger.task.read.DataFieldView;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskView;
import io.labelledger.task.read.filter.TaskFilter;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Data Manager's counts, data-field columns and filter columns of a task (issue 12, ADR 0038). */
@Controller
public class DataManagerController {
    private final TaskQueries tasks;
    private final Json json;
    private final AnnotationVisibility visibility;
    private final DataManagerFilters filters;

    public DataManagerController(TaskQueries tasks, Json json, AnnotationVisibility visibility, DataManagerFilters filters) {
        this.tasks = tasks;
        this.json = json;
        this.visibility = visibility;
        this.filters = filters;
    }

    public record TaskCount(long count, boolean exact) {}

    /** Counted apart from the pages; no filter at all is the project's counter. */
    @SchemaMapping(typeName = "Project")
    public Mono<TaskCount> matchingTasks(ProjectView project, @Argument TaskFilterInput filter, @ContextValue Caller caller) {
        TaskFilter conditions = filter == null ? TaskFilter.NONE : filter.conditionsFilter();
        boolean everything = conditions.isEmpty() && (filter == null || (filter.reviewState() == null && filter.groundTruth() == null));
        return filters.scoped(caller, project.id(), conditions)
                      .flatMap(f -> everything && f.onlyAssignedTo() == null ? Mono.just(new TaskCount(project.taskCount(), true))
                              : tasks.count(caller.organizationId(), project.id(), filter == null ? null : filter.reviewState(),
                                            filter == null ? null : filter.groundTruth(), f.filter(), caller.userId(), f.onlyAssignedTo())
                                     .map(c -> new TaskCount(c.count(), c.exact())));
    }

    @SchemaMapping(typeName = "Project")
    public Mono<List<DataFieldView>> dataFields(ProjectView project, @ContextValue Caller caller) {
        return tasks.dataFields(caller.organizationId(), project.id());
    }

    @SchemaMapping(typeName = "Task")
    public int acceptedCount(TaskView task) { return task.columns().acceptedCount(); }

    @SchemaMapping(typeName = "Task")
    public int rejectedCount(TaskView task) { return task.columns().rejectedCount(); }

    @SchemaMapping(typeName = "Task")
    public Double leadTimeSeconds(TaskView task) { return task.columns().leadTimeSeconds(); }

    @SchemaMapping(typeName = "Task")
    public Double predictionScore(TaskView task) { return task.columns().predictionScore(); }

    @SchemaMapping(typeName = "Task")
    public List<String> modelVersions(TaskView task) { return task.columns().modelVersions(); }

    @SchemaMapping(typeName = "Task")
    public List<String> assignedAnnotatorIds(TaskView task) { return task.columns().assignedAnnotators(); }

    @SchemaMapping(typeName = "Task")
    public List<String> assignedReviewerIds(TaskView task) { return task.columns().assignedReviewers(); }

    /** Blind labeling: who sees only their own annotations gets no labels of others (an empty object). */
    @BatchMapping(typeName = "Task")
    public Mono<Map<TaskView, Object>> labels(List<TaskView> list, BatchLoaderEnvironment env) {
        return everyAnnotation(list, env).map(all -> list.stream().distinct().collect(Collectors.toMap(Function.identity(),
                t -> all.getOrDefault(t.projectId(), false) ? json.parse(t.columns().labels()) : Map.of())));
    }

    /** Blind labeling: only the caller themself among the annotators. */
    @BatchMapping(typeName = "Task")
    public Mono<Map<TaskView, List<String>>> annotatorIds(List<TaskView> list, BatchLoaderEnvironment env) {
        String me = caller(env).userId();
        return everyAnnotation(list, env).map(all -> list.stream().distinct().collect(Collectors.toMap(Function.identity(),
                t -> all.getOrDefault(t.projectId(), false) ? t.columns().annotators()
                        : t.columns().annotators().stream().filter(me::equals).distinct().toList())));
    }

    @BatchMapping(typeName = "Task")
    public Mono<Map<TaskView, List<String>>> reviewerIds(List<TaskView> list, BatchLoaderEnvironment env) {
        return everyAnnotation(list, env).map(all -> list.stream().distinct().collect(Collectors.toMap(Function.identity(),
                t -> all.getOrDefault(t.projectId(), false) ? t.columns().reviewers() : List.<String>of())));
    }

    private static Caller caller(BatchLoaderEnvironment env) {
        return ((GraphQLContext) env.getContext()).get(GraphQlContextInterceptor.CALLER);
    }

    private Mono<Map<String, Boolean>> everyAnnotation(List<TaskView> list, BatchLoaderEnvironment env) {
        Caller caller = caller(env);
        return Flux.fromIterable(list.stream().map(TaskView::projectId).filter(java.util.Objects::nonNull).distinct().toList())
                   .flatMap(p -> visibility.seesEveryAnnotation(caller, p).map(all -> Map.entry(p, all)))
                   .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
