package io.labelledger.integration.labelstudio;

import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.projection.Projection;
import io.labelledger.shared.read.IntIdQueries.Kind;
import io.labelledger.task.api.AddPredictions;
import io.labelledger.task.api.DeletePrediction;
import io.labelledger.task.api.Prediction;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.read.TaskQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Label Studio's prediction endpoints (ADR 0050): create one ({@code POST /api/predictions}, the SDK's
 * create_prediction), create many in a project ({@code POST /api/projects/{id}/import/predictions}, its
 * create_predictions), a task's predictions, one, delete one. Each result is validated against the labeling config,
 * as at the import ({@code AddPredictions} on the task).
 */
@RestController
public class LabelStudioPredictionController {
    static final String CREATE = "POST /ls/api/predictions";
    static final String IMPORT = "POST /ls/api/projects/{id}/import/predictions";
    static final String LIST = "GET /ls/api/predictions";
    static final String GET = "GET /ls/api/predictions/{id}";
    static final String DELETE = "DELETE /ls/api/predictions/{id}";
    static final Map<String, String> FIELDS = Map.of("predictions[0].result", "result", "predictions[0].score", "score",
            "predictionId", "id", "taskId", "task");

    private final LabelStudioApi api;
    private final TaskQueries tasks;
    private final Commands commands;
    private final ReadYourWrites readYourWrites;

    public LabelStudioPredictionController(LabelStudioApi api, TaskQueries tasks, Commands commands, ReadYourWrites readYourWrites) {
        this.api = api;
        this.tasks = tasks;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    /** A prediction of the body: {@code task}, {@code result}, optional {@code score} and {@code model_version}. */
    record Item(long task, Prediction prediction) {}

    static Item item(JsonNode body, String prefix, Map<String, List<String>> errors) {
        if (body == null || !body.isObject()) {
            errors.put(prefix.isEmpty() ? "non_field_errors" : prefix, List.of("Invalid data. Expected a dictionary."));
            return null;
        }
        JsonNode task = body.get("task");
        JsonNode result = body.get("result");
        JsonNode score = body.get("score");
        JsonNode model = body.get("model_version");
        int before = errors.size();
        if (task == null || !task.isIntegralNumber()) errors.put(prefix + "task", List.of("This field is required."));
        if (result == null || !result.isArray()) errors.put(prefix + "result", List.of("Expected a list of items."));
        if (score != null && !score.isNull() && !score.isNumber()) errors.put(prefix + "score", List.of("A valid number is required."));
        if (model != null && !model.isNull() && !model.isString()) errors.put(prefix + "model_version", List.of("Not a valid string."));
        if (errors.size() > before) return null;
        return new Item(task.asLong(), new Prediction(model == null || model.isNull() ? null : model.asString(),
                score == null || score.isNull() ? null : score.asDouble(), result));
    }

    @PostMapping("/ls/api/predictions")
    public Mono<ResponseEntity<Object>> create(@RequestBody(required = false) JsonNode body, ServerWebExchange exchange) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Item item = item(body, "", errors);
        if (item == null) return Mono.just(LabelStudioApi.invalid(errors));
        return task(item.task(), exchange, CREATE, (c, taskId) -> add(c, taskId, List.of(item.prediction())).flatMap(result -> result.error() != null
                ? Mono.just(result.error())
                : one(c, taskId, result.ids().getFirst()).map(LabelStudioApi::created)
                                                        .defaultIfEmpty(LabelStudioApi.detail(org.springframework.http.HttpStatus.ACCEPTED,
                                                                "The prediction was created; it is not readable yet"))));
    }

    /** Many predictions of one project's tasks, all or nothing per task; answered {@code {"created": n}}. */
    @PostMapping("/ls/api/projects/{id}/import/predictions")
    public Mono<ResponseEntity<Object>> importPredictions(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                                          ServerWebExchange exchange) {
        Long number = LabelStudioApi.intOf(id);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        if (body == null || !body.isArray()) return Mono.just(LabelStudioApi.invalid("non_field_errors", "Expected a list of predictions."));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Map<Long, List<Prediction>> byTask = new LinkedHashMap<>();
        for (int i = 0; i < body.size(); i++) {
            Item item = item(body.get(i), "[" + i + "].", errors);
            if (item != null) byTask.computeIfAbsent(item.task(), k -> new ArrayList<>()).add(item.prediction());
        }
        if (!errors.isEmpty()) return Mono.just(LabelStudioApi.invalid(errors));
        if (byTask.isEmpty()) return Mono.just(LabelStudioApi.invalid("non_field_errors", "Expected a list of predictions."));
        return api.call(exchange).flatMap(call -> api.resolve(call, Kind.PROJECT, number).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(project -> api.decide(call, IMPORT, project.orElse(null), c -> {
                    if (project.isEmpty()) return Mono.just(LabelStudioApi.notFound());
                    // every task must be one of this project's (else the whole request is refused, nothing added)
                    return Flux.fromIterable(byTask.keySet())
                               .concatMap(task -> api.resolve(c, Kind.TASK, task).flatMap(t -> tasks.get(c.organizationId(), t))
                                       .filter(t -> t.projectId().equals(project.get())).map(t -> Map.entry(task, t.id()))
                                       .defaultIfEmpty(Map.entry(task, "")))
                               .collectList()
                               .flatMap(found -> {
                                   List<String> missing = found.stream().filter(e -> e.getValue().isEmpty()).map(e -> "Task " + e.getKey() + " is not in this project").toList();
                                   if (!missing.isEmpty()) return Mono.just(LabelStudioApi.invalid(Map.of("task", missing)));
                                   return Flux.fromIterable(found)
                                              .concatMap(e -> add(c, e.getValue(), byTask.get(e.getKey())))
                                              .takeUntil(r -> r.error() != null)
                                              .collectList()
                                              .map(results -> results.stream().filter(r -> r.error() != null).findFirst()
                                                      .map(Added::error)
                                                      .orElseGet(() -> LabelStudioApi.created(Map.of("created",
                                                              results.stream().mapToInt(r -> r.ids().size()).sum()))));
                               });
                })));
    }

    @GetMapping("/ls/api/predictions")
    public Mono<ResponseEntity<Object>> list(@RequestParam(required = false) String task, ServerWebExchange exchange) {
        if (task == null) return Mono.just(LabelStudioApi.invalid("task", "This field is required."));
        Long number = LabelStudioApi.intOf(task);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        return task(number, exchange, LIST, (c, taskId) -> shapes(c, taskId).map(list -> LabelStudioApi.ok(list)));
    }

    @GetMapping("/ls/api/predictions/{id}")
    public Mono<ResponseEntity<Object>> get(@PathVariable String id, ServerWebExchange exchange) {
        return prediction(id, exchange, GET, (c, taskId, number) -> one(c, taskId, number).map(LabelStudioApi::ok));
    }

    @DeleteMapping("/ls/api/predictions/{id}")
    public Mono<ResponseEntity<Object>> delete(@PathVariable String id, ServerWebExchange exchange) {
        return prediction(id, exchange, DELETE, (c, taskId, number) -> commands.<Object>send(new DeletePrediction(new TaskId(taskId),
                        c.caller().organization(), number, c.caller().user()), c.caller(), c.ip())
                .flatMap(r -> !r.ok() ? Mono.just(LabelStudioApi.refused(r.error(), FIELDS))
                        : readYourWrites.await(taskId, Projection.DATA_MANAGER).thenReturn(ResponseEntity.noContent().<Object>build())));
    }

    /** What AddPredictions answered: the new predictions' integer ids, or the refusal. */
    record Added(List<Long> ids, ResponseEntity<Object> error) {}

    @SuppressWarnings("unchecked")
    private Mono<Added> add(LabelStudioApi.Call c, String taskId, List<Prediction> predictions) {
        return commands.<List<Long>>send(new AddPredictions(new TaskId(taskId), c.caller().organization(), predictions, c.caller().user()),
                        c.caller(), c.ip())
                .flatMap(r -> !r.ok() ? Mono.just(new Added(List.of(), LabelStudioApi.refused(r.error(), FIELDS)))
                        : readYourWrites.await(taskId, Projection.DATA_MANAGER).thenReturn(new Added(r.value(), null)));
    }

    private Mono<List<Map<String, Object>>> shapes(LabelStudioApi.Call c, String taskId) {
        return tasks.get(c.organizationId(), taskId).flatMap(t -> Mono.zip(
                        api.ids().intIdsOf(Kind.TASK, c.organizationId(), List.of(taskId)),
                        api.ids().intIdsOf(Kind.PROJECT, c.organizationId(), List.of(t.projectId())))
                .map(n -> LabelStudioViews.predictions(t, n.getT1().get(taskId), n.getT2().get(t.projectId()))));
    }

    private Mono<Map<String, Object>> one(LabelStudioApi.Call c, String taskId, Long number) {
        return shapes(c, taskId).flatMap(list -> Mono.justOrEmpty(list.stream().filter(p -> number != null && number.equals(p.get("id"))).findFirst()));
    }

    interface PredictionThen {
        Mono<ResponseEntity<Object>> apply(LabelStudioApi.Call call, String taskId, long number);
    }

    /** The prediction a number names in the caller's organization; decided by its task's project (scope task:id). */
    private Mono<ResponseEntity<Object>> prediction(String id, ServerWebExchange exchange, String operation, PredictionThen then) {
        Long number = LabelStudioApi.intOf(id);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        return api.call(exchange).flatMap(call -> api.ids().taskOfPrediction(call.organizationId(), number).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> api.decide(call, operation, found.orElse(null), c -> found.isEmpty() ? Mono.just(LabelStudioApi.notFound())
                        : then.apply(c, found.get(), number).defaultIfEmpty(LabelStudioApi.notFound()))));
    }

    private Mono<ResponseEntity<Object>> task(long number, ServerWebExchange exchange, String operation,
                                              java.util.function.BiFunction<LabelStudioApi.Call, String, Mono<ResponseEntity<Object>>> then) {
        return api.call(exchange).flatMap(call -> api.resolve(call, Kind.TASK, number).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> api.decide(call, operation, found.orElse(null), c -> found.isEmpty() ? Mono.just(LabelStudioApi.notFound())
                        : then.apply(c, found.get()).defaultIfEmpty(LabelStudioApi.notFound()))));
    }
}
