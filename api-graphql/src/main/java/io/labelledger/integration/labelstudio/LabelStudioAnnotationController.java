package io.labelledger.integration.labelstudio;

import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.projection.Projection;
import io.labelledger.shared.read.IntIdQueries;
import io.labelledger.shared.read.IntIdQueries.Kind;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.DeleteAnnotation;
import io.labelledger.task.api.SubmitAnnotation;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.UpdateAnnotation;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.web.AnnotationVisibility;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Label Studio's annotation endpoints (ADR 0050): a task's annotations (those the caller may see: blind labeling),
 * create one as the caller, read, update and delete one by integer id. The same commands as GraphQL's
 * submitAnnotation, updateAnnotation and deleteAnnotation (only the author changes an annotation: the aggregate's rule).
 */
@RestController
public class LabelStudioAnnotationController {
    static final String LIST = "GET /ls/api/tasks/{id}/annotations";
    static final String CREATE = "POST /ls/api/tasks/{id}/annotations";
    static final String GET = "GET /ls/api/annotations/{id}";
    static final String UPDATE = "PATCH /ls/api/annotations/{id}";
    static final String DELETE = "DELETE /ls/api/annotations/{id}";
    static final Map<String, String> FIELDS = Map.of("leadTimeSeconds", "lead_time", "annotationId", "id", "taskId", "task");

    private final LabelStudioApi api;
    private final TaskQueries tasks;
    private final AnnotationVisibility visibility;
    private final Commands commands;
    private final ReadYourWrites readYourWrites;

    public LabelStudioAnnotationController(LabelStudioApi api, TaskQueries tasks, AnnotationVisibility visibility, Commands commands,
                                           ReadYourWrites readYourWrites) {
        this.api = api;
        this.tasks = tasks;
        this.visibility = visibility;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/ls/api/tasks/{id}/annotations")
    public Mono<ResponseEntity<Object>> list(@PathVariable String id, ServerWebExchange exchange) {
        return task(id, exchange, LIST, (c, taskId) -> visible(c, taskId).flatMap(list -> shapes(c, taskId, list)).map(LabelStudioApi::ok));
    }

    @PostMapping("/ls/api/tasks/{id}/annotations")
    public Mono<ResponseEntity<Object>> create(@PathVariable String id, @RequestBody(required = false) JsonNode body, ServerWebExchange exchange) {
        Input input = Input.of(body, true);
        if (input.errors() != null) return Mono.just(input.errors());
        return task(id, exchange, CREATE, (c, taskId) -> {
            String annotationId = UUID.randomUUID().toString();
            return commands.<Object>send(new SubmitAnnotation(new TaskId(taskId), c.caller().organization(), new AnnotationId(annotationId),
                            input.result(), input.leadTime(), c.caller().user()), c.caller(), c.ip())
                    .flatMap(r -> !r.ok() ? Mono.just(LabelStudioApi.refused(r.error(), FIELDS))
                            : readYourWrites.await(taskId, Projection.DATA_MANAGER).then(one(c, taskId, annotationId))
                                            .map(LabelStudioApi::created)
                                            .defaultIfEmpty(LabelStudioApi.detail(HttpStatus.ACCEPTED, "The annotation was created; it is not readable yet")));
        });
    }

    @GetMapping("/ls/api/annotations/{id}")
    public Mono<ResponseEntity<Object>> get(@PathVariable String id, ServerWebExchange exchange) {
        return annotation(id, exchange, GET, (c, ref) -> visible(c, ref.taskId())
                .flatMap(list -> list.stream().anyMatch(a -> a.id().equals(ref.annotationId()))
                        ? one(c, ref.taskId(), ref.annotationId()).map(LabelStudioApi::ok)
                        : Mono.just(LabelStudioApi.notFound()))); // blind labeling: another person's annotation is not found
    }

    @PatchMapping("/ls/api/annotations/{id}")
    public Mono<ResponseEntity<Object>> update(@PathVariable String id, @RequestBody(required = false) JsonNode body, ServerWebExchange exchange) {
        Input input = Input.of(body, false);
        if (input.errors() != null) return Mono.just(input.errors());
        return annotation(id, exchange, UPDATE, (c, ref) -> {
            Mono<AnnotationView> current = tasks.annotationsOf(c.organizationId(), List.of(ref.taskId()))
                    .flatMap(all -> Mono.justOrEmpty(all.getOrDefault(ref.taskId(), List.of()).stream()
                            .filter(a -> a.id().equals(ref.annotationId())).findFirst()));
            return current.flatMap(a -> commands.<Object>send(new UpdateAnnotation(new TaskId(ref.taskId()), c.caller().organization(),
                                    new AnnotationId(ref.annotationId()), input.result() != null ? input.result() : LabelStudioViews.tree(a.result()),
                                    input.leadTime() != null ? input.leadTime() : a.leadTimeSeconds(), c.caller().user()), c.caller(), c.ip())
                            .flatMap(r -> !r.ok() ? Mono.just(LabelStudioApi.refused(r.error(), FIELDS))
                                    : readYourWrites.await(ref.taskId(), Projection.DATA_MANAGER).then(one(c, ref.taskId(), ref.annotationId()))
                                                    .map(LabelStudioApi::ok)))
                          .defaultIfEmpty(LabelStudioApi.notFound());
        });
    }

    @DeleteMapping("/ls/api/annotations/{id}")
    public Mono<ResponseEntity<Object>> delete(@PathVariable String id, ServerWebExchange exchange) {
        return annotation(id, exchange, DELETE, (c, ref) -> commands.<Object>send(new DeleteAnnotation(new TaskId(ref.taskId()),
                        c.caller().organization(), new AnnotationId(ref.annotationId()), c.caller().user()), c.caller(), c.ip())
                // a script reads right after it deletes: answer once the Data Manager shows the deletion
                .flatMap(r -> r.ok() ? readYourWrites.await(ref.taskId(), Projection.DATA_MANAGER).thenReturn(ResponseEntity.noContent().<Object>build())
                        : Mono.just(LabelStudioApi.refused(r.error(), FIELDS))));
    }

    /** The body of a create or update: {@code result} (a list), {@code lead_time} (seconds). */
    record Input(JsonNode result, Double leadTime, ResponseEntity<Object> errors) {
        static Input of(JsonNode body, boolean create) {
            if (body == null || !body.isObject()) {
                return new Input(null, null, LabelStudioApi.invalid("non_field_errors", "Invalid data. Expected a dictionary."));
            }
            Map<String, List<String>> errors = new LinkedHashMap<>();
            JsonNode result = body.get("result");
            if (result == null || result.isNull()) {
                if (create) errors.put("result", List.of("This field is required."));
                result = null;
            } else if (!result.isArray()) {
                errors.put("result", List.of("Expected a list of items."));
            }
            JsonNode lead = body.get("lead_time");
            Double leadTime = null;
            if (lead != null && !lead.isNull()) {
                if (!lead.isNumber() || lead.asDouble() < 0) errors.put("lead_time", List.of("A valid non-negative number is required."));
                else leadTime = lead.asDouble();
            }
            JsonNode cancelled = body.get("was_cancelled");
            if (cancelled != null && cancelled.asBoolean(false)) {
                errors.put("was_cancelled", List.of("Skipping is not an annotation here: skip the task in the label stream."));
            }
            return new Input(result, leadTime, errors.isEmpty() ? null : LabelStudioApi.invalid(errors));
        }
    }

    /** The task's annotations the caller may see. */
    private Mono<List<AnnotationView>> visible(LabelStudioApi.Call c, String taskId) {
        return Mono.zip(tasks.annotationsOf(c.organizationId(), List.of(taskId)), visibility.seesEveryAnnotationOfTask(c.caller(), taskId))
                   .map(t -> AnnotationVisibility.visible(c.caller(), t.getT2(), t.getT1().getOrDefault(taskId, List.of())));
    }

    private Mono<Map<String, Object>> one(LabelStudioApi.Call c, String taskId, String annotationId) {
        return tasks.annotationsOf(c.organizationId(), List.of(taskId))
                    .flatMap(all -> Mono.justOrEmpty(all.getOrDefault(taskId, List.of()).stream().filter(a -> a.id().equals(annotationId)).findFirst()))
                    .flatMap(a -> shapes(c, taskId, List.of(a)))
                    .map(List::getFirst);
    }

    /** Annotations of one task in Label Studio's shape, with integer ids (three queries). */
    private Mono<List<Map<String, Object>>> shapes(LabelStudioApi.Call c, String taskId, List<AnnotationView> list) {
        Set<String> authors = new HashSet<>();
        list.forEach(a -> authors.add(a.authorId()));
        IntIdQueries ids = api.ids();
        return tasks.get(c.organizationId(), taskId).flatMap(task -> Mono.zip(
                ids.intIdsOf(Kind.ANNOTATION, c.organizationId(), list.stream().map(AnnotationView::id).toList()),
                ids.intIdsOf(Kind.TASK, c.organizationId(), List.of(taskId)),
                ids.intIdsOf(Kind.PROJECT, c.organizationId(), List.of(task.projectId())),
                ids.userIntIds(authors)).map(t -> list.stream().map(a -> LabelStudioViews.annotation(a, t.getT1().get(a.id()),
                        t.getT4().get(a.authorId()), t.getT2().get(taskId), t.getT3().get(task.projectId()))).toList()));
    }

    private Mono<ResponseEntity<Object>> task(String id, ServerWebExchange exchange, String operation,
                                              java.util.function.BiFunction<LabelStudioApi.Call, String, Mono<ResponseEntity<Object>>> then) {
        Long number = LabelStudioApi.intOf(id);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        return api.call(exchange).flatMap(call -> api.resolve(call, Kind.TASK, number).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> api.decide(call, operation, found.orElse(null),
                        c -> found.isEmpty() ? Mono.just(LabelStudioApi.notFound()) : then.apply(c, found.get()).defaultIfEmpty(LabelStudioApi.notFound()))));
    }

    /** The annotation a number names in the caller's organization; decided by its task's project (scope task:id). */
    private Mono<ResponseEntity<Object>> annotation(String id, ServerWebExchange exchange, String operation,
                                                    java.util.function.BiFunction<LabelStudioApi.Call, IntIdQueries.AnnotationRef, Mono<ResponseEntity<Object>>> then) {
        Long number = LabelStudioApi.intOf(id);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        return api.call(exchange).flatMap(call -> api.ids().annotation(call.organizationId(), number).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> api.decide(call, operation, found.map(IntIdQueries.AnnotationRef::taskId).orElse(null),
                        c -> found.isEmpty() ? Mono.just(LabelStudioApi.notFound()) : then.apply(c, found.get()).defaultIfEmpty(LabelStudioApi.notFound()))));
    }
}
