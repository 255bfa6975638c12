package io.labelledger.task.web;

import graphql.GraphQLContext;
import io.labelledger.api.Caller;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.api.Commands;
import io.labelledger.api.GraphQlContextInterceptor;
import io.labelledger.api.Json;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.projection.Projection;
import io.labelledger.api.UserError;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.review.api.ReviewAnnotation;
import io.labelledger.review.api.ReviewDecision;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.DeleteAnnotation;
import io.labelledger.task.api.SetGroundTruth;
import io.labelledger.task.api.SkipTask;
import io.labelledger.task.api.SubmitAnnotation;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.UpdateAnnotation;
import io.labelledger.task.history.TaskHistory;
import io.labelledger.task.history.TaskSnapshotView;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskView;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Tasks, annotations, skips and the "as of" view of a task. */
@Controller
public class TaskController {
    private final Commands commands;
    private final TaskQueries tasks;
    private final TaskHistory history;
    private final Json json;
    private final Clock clock;
    private final ReadYourWrites readYourWrites;

    private final AnnotationVisibility visibility;
    private final LabelStream stream;
    private final io.labelledger.project.web.ProjectSettingsReader settings;

    public TaskController(Commands commands, TaskQueries tasks, TaskHistory history, Json json, Clock clock,
                          ReadYourWrites readYourWrites, AnnotationVisibility visibility, LabelStream stream,
                          io.labelledger.project.web.ProjectSettingsReader settings) {
        this.visibility = visibility;
        this.stream = stream;
        this.settings = settings;
        this.readYourWrites = readYourWrites;
        this.commands = commands;
        this.tasks = tasks;
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    public record SubmitAnnotationInput(String taskId, Object result, Double leadTimeSeconds) {}

    public record UpdateAnnotationInput(String taskId, String annotationId, Object result, Double leadTimeSeconds) {}

    public record DeleteAnnotationInput(String taskId, String annotationId) {}

    public record SkipTaskInput(String taskId, String comment) {}

    public record ReviewAnnotationInput(String taskId, String annotationId, ReviewDecision decision, String comment, Object result,
                                        Double leadTimeSeconds) {}

    public record SetGroundTruthInput(String taskId, String annotationId, boolean groundTruth) {}

    public record AnnotationPayload(AnnotationView annotation, TaskView task, List<UserError> errors) {}

    public record TaskPayload(TaskView task, List<UserError> errors) {}

    @QueryMapping
    public Mono<TaskView> task(@Argument String id, @ContextValue Caller caller) {
        return tasks.get(caller.organizationId(), id);
    }

    @QueryMapping
    public Mono<TaskView> nextTask(@Argument String projectId, @ContextValue Caller caller, @ContextValue(required = false) String clientIp) {
        return stream.next(caller, projectId, clientIp).flatMap(a -> Mono.justOrEmpty(a.task()));
    }

    /**
     * The review queue (only for people whose effective project role is Reviewer, rules.csv), by the project's review
     * rules (ADR 0048): "review only tasks that reached their overlap"; for reviewers who do not run projects, a task
     * assigned to reviewers only in theirs, and with manual distribution only the tasks assigned to them. The Task
     * aggregate holds a review by id to the same rules.
     */
    @QueryMapping
    public Mono<TaskView> nextReviewTask(@Argument String projectId, @Argument Integer afterNumber, @ContextValue Caller caller) {
        if (!Ids.isUuid(projectId)) return Mono.empty();
        boolean narrowed = !runsProjects(caller);
        return settings.settingsOf(caller.organizationId(), projectId).defaultIfEmpty(ProjectSettings.DEFAULTS)
                       .flatMap(s -> tasks.nextForReview(caller.organizationId(), projectId, caller.userId(),
                               afterNumber == null ? 0 : Math.max(0, afterNumber), s.review().onlyOverlapReached(),
                               narrowed ? (s.distribution().mode() == ProjectSettings.DistributionMode.MANUAL
                                       ? TaskQueries.ReviewAssignments.ASSIGNED_ONLY : TaskQueries.ReviewAssignments.ASSIGNED_OR_OPEN)
                                        : TaskQueries.ReviewAssignments.ANY));
    }

    /** Owners, Admins and Managers oversee every task: review assignments and the review rules do not bind them. */
    static boolean runsProjects(Caller caller) {
        return caller.organizationRole() == OrganizationRole.OWNER || caller.organizationRole() == OrganizationRole.ADMIN
                || caller.organizationRole() == OrganizationRole.MANAGER;
    }

    @QueryMapping
    public Mono<TaskSnapshotView> taskAsOf(@Argument String id, @Argument Instant asOf, @ContextValue Caller caller) {
        if (!Ids.isUuid(id)) return Mono.empty();
        return Mono.fromCallable(() -> history.asOf(caller.organizationId(), id, asOf))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(Mono::justOrEmpty)
                   // blind labeling holds for the past too
                   .flatMap(s -> visibility.seesEveryAnnotation(caller, s.projectId())
                           .map(all -> s.withAnnotations(AnnotationVisibility.visible(caller, all, s.annotations()))));
    }

    @SchemaMapping(typeName = "Task")
    public Object data(TaskView task) { return json.parse(task.data()); }

    @SchemaMapping(typeName = "Task")
    public Object predictions(TaskView task) { return json.parse(task.predictions()); }

    @SchemaMapping(typeName = "TaskSnapshot")
    public Object data(TaskSnapshotView task) { return json.parse(task.data()); }

    @SchemaMapping(typeName = "Annotation")
    public Object result(AnnotationView annotation) { return json.parse(annotation.result()); }

    @BatchMapping(typeName = "Task")
    public Mono<Map<TaskView, List<AnnotationView>>> annotations(List<TaskView> list, BatchLoaderEnvironment env) {
        Caller caller = ((GraphQLContext) env.getContext()).get(GraphQlContextInterceptor.CALLER);
        List<String> projects = list.stream().map(TaskView::projectId).filter(java.util.Objects::nonNull).distinct().toList();
        Mono<Map<String, Boolean>> everyAnnotation = reactor.core.publisher.Flux.fromIterable(projects)
                .flatMap(p -> visibility.seesEveryAnnotation(caller, p).map(all -> Map.entry(p, all)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return everyAnnotation.flatMap(all -> tasks.annotationsOf(caller.organizationId(), list.stream().map(TaskView::id).toList())
                    .map(byTask -> list.stream().distinct().collect(Collectors.toMap(Function.identity(),
                            t -> AnnotationVisibility.visible(caller, all.getOrDefault(t.projectId(), false), byTask.getOrDefault(t.id(), List.of()))))));
    }

    @MutationMapping
    public Mono<AnnotationPayload> submitAnnotation(@Argument SubmitAnnotationInput input, @ContextValue Caller caller,
                                                    @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(annotationError(notFound("taskId", "Task")));
        String annotationId = UUID.randomUUID().toString();
        var cmd = new SubmitAnnotation(new TaskId(input.taskId()), caller.organization(), new AnnotationId(annotationId),
                json.tree(input.result()), input.leadTimeSeconds(), caller.user());
        return commands.<Integer>send(cmd, caller, clientIp).flatMap(r -> {
            if (!r.ok()) return Mono.just(annotationError(r.error()));
            Instant now = clock.instant();
            AnnotationView view = new AnnotationView(annotationId, input.taskId(), caller.userId(),
                    json.mapper().writeValueAsString(input.result()), input.leadTimeSeconds(), now, now, null, r.value());
            return taskAfterCommand(caller, input.taskId()).map(t -> new AnnotationPayload(view.inProject(t.projectId()), t, List.of()))
                                                           .defaultIfEmpty(new AnnotationPayload(view, null, List.of()));
        });
    }

    @MutationMapping
    public Mono<AnnotationPayload> updateAnnotation(@Argument UpdateAnnotationInput input, @ContextValue Caller caller,
                                                    @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(annotationError(notFound("taskId", "Task")));
        if (!Ids.isUuid(input.annotationId())) return Mono.just(annotationError(notFound("annotationId", "Annotation")));
        var cmd = new UpdateAnnotation(new TaskId(input.taskId()), caller.organization(), new AnnotationId(input.annotationId()),
                json.tree(input.result()), input.leadTimeSeconds(), caller.user());
        return commands.<Integer>send(cmd, caller, clientIp).flatMap(r -> {
            if (!r.ok()) return Mono.just(annotationError(r.error()));
            Instant now = clock.instant();
            AnnotationView view = new AnnotationView(input.annotationId(), input.taskId(), caller.userId(),
                    json.mapper().writeValueAsString(input.result()), input.leadTimeSeconds(), now, now, null, r.value());
            // an update keeps the ground-truth mark: read it from the row the command's event updated
            return taskAfterCommand(caller, input.taskId())
                    .flatMap(t -> tasks.annotationsOf(caller.organizationId(), List.of(t.id())).map(byTask -> {
                        boolean groundTruth = byTask.getOrDefault(t.id(), List.of()).stream()
                                                    .anyMatch(a -> a.id().equals(input.annotationId()) && a.groundTruth());
                        return new AnnotationPayload(view.inProject(t.projectId()).withGroundTruth(groundTruth), t, List.of());
                    }))
                    .defaultIfEmpty(new AnnotationPayload(view, null, List.of()));
        });
    }

    /** Accept or reject; answers the annotation with its review and the task row once the Data Manager has it. */
    @MutationMapping
    public Mono<AnnotationPayload> reviewAnnotation(@Argument ReviewAnnotationInput input, @ContextValue Caller caller,
                                                    @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(annotationError(notFound("taskId", "Task")));
        if (!Ids.isUuid(input.annotationId())) return Mono.just(annotationError(notFound("annotationId", "Annotation")));
        var cmd = new ReviewAnnotation(new TaskId(input.taskId()), caller.organization(), new AnnotationId(input.annotationId()),
                input.decision(), input.comment(), caller.user(), input.result() == null ? null : json.tree(input.result()),
                input.leadTimeSeconds(), runsProjects(caller));
        return commands.send(cmd, caller, clientIp).flatMap(r -> {
            if (!r.ok()) return Mono.just(annotationError(r.error()));
            return taskAfterCommand(caller, input.taskId())
                    .flatMap(t -> tasks.annotationsOf(caller.organizationId(), List.of(t.id()))
                            .map(byTask -> byTask.getOrDefault(t.id(), List.of()).stream()
                                    .filter(a -> a.id().equals(input.annotationId())).findFirst()
                                    .map(a -> new AnnotationPayload(a, t, List.of()))
                                    .orElse(new AnnotationPayload(null, t, List.of()))))
                    .defaultIfEmpty(new AnnotationPayload(null, null, List.of()));
        });
    }

    @MutationMapping
    public Mono<TaskPayload> deleteAnnotation(@Argument DeleteAnnotationInput input, @ContextValue Caller caller,
                                              @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(new TaskPayload(null, List.of(notFound("taskId", "Task"))));
        if (!Ids.isUuid(input.annotationId())) return Mono.just(new TaskPayload(null, List.of(notFound("annotationId", "Annotation"))));
        var cmd = new DeleteAnnotation(new TaskId(input.taskId()), caller.organization(), new AnnotationId(input.annotationId()), caller.user());
        return taskPayload(commands.send(cmd, caller, clientIp), caller, input.taskId());
    }

    @MutationMapping
    public Mono<TaskPayload> skipTask(@Argument SkipTaskInput input, @ContextValue Caller caller,
                                      @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(new TaskPayload(null, List.of(notFound("taskId", "Task"))));
        var cmd = new SkipTask(new TaskId(input.taskId()), caller.organization(), caller.user(), input.comment());
        return taskPayload(commands.send(cmd, caller, clientIp), caller, input.taskId());
    }

    @MutationMapping
    public Mono<TaskPayload> setGroundTruth(@Argument SetGroundTruthInput input, @ContextValue Caller caller,
                                            @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(new TaskPayload(null, List.of(notFound("taskId", "Task"))));
        if (!Ids.isUuid(input.annotationId())) return Mono.just(new TaskPayload(null, List.of(notFound("annotationId", "Annotation"))));
        var cmd = new SetGroundTruth(new TaskId(input.taskId()), caller.organization(), new AnnotationId(input.annotationId()),
                input.groundTruth(), caller.user());
        return taskPayload(commands.send(cmd, caller, clientIp), caller, input.taskId());
    }

    private Mono<TaskPayload> taskPayload(Mono<Commands.Result<Object>> sent, Caller caller, String taskId) {
        return sent.flatMap(r -> !r.ok()
                ? Mono.just(new TaskPayload(null, List.of(r.error())))
                : taskAfterCommand(caller, taskId).map(t -> new TaskPayload(t, List.of()))
                                                  .defaultIfEmpty(new TaskPayload(null, List.of())));
    }

    /** The row once the Data Manager has applied the command's event (bounded wait). */
    private Mono<TaskView> taskAfterCommand(Caller caller, String taskId) {
        return readYourWrites.await(taskId, Projection.DATA_MANAGER).then(tasks.get(caller.organizationId(), taskId));
    }

    private static AnnotationPayload annotationError(UserError e) {
        return new AnnotationPayload(null, null, List.of(e));
    }

    private static UserError notFound(String field, String what) {
        return UserError.of(ErrorCode.NOT_FOUND, field, what + " not found");
    }
}
