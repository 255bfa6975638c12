package io.labelledger.integration.labelstudio;

import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.projection.Projection;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.read.IntIdQueries.Kind;
import io.labelledger.task.api.DeleteTask;
import io.labelledger.task.api.ImportId;
import io.labelledger.task.api.ImportTasks;
import io.labelledger.task.api.NewTask;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.importing.ImportFormat;
import io.labelledger.task.importing.LabelStudioTaskParser;
import io.labelledger.task.read.TaskQueries;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Label Studio's task endpoints (ADR 0050): the task list of a project ({@code GET /api/tasks?project=&page=&page_size=
 * &fields=all}, as label-studio-sdk pages through it), one task, create one, delete one, and the import
 * ({@code POST /api/projects/{id}/import}: a JSON body or multipart files; our import's formats, parser and
 * validation, all or nothing, answered with Label Studio's counts). The same commands as GraphQL's importTasks and the
 * bulk delete, decided by the same rows.
 */
@RestController
public class LabelStudioTaskController {
    static final String LIST = "GET /ls/api/tasks";
    static final String GET = "GET /ls/api/tasks/{id}";
    static final String CREATE = "POST /ls/api/tasks";
    static final String DELETE = "DELETE /ls/api/tasks/{id}";
    static final String IMPORT = "POST /ls/api/projects/{id}/import";
    static final int BATCH = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LabelStudioApi api;
    private final LabelStudioViews views;
    private final TaskQueries tasks;
    private final Commands commands;
    private final OrganizationLabelingConfigs configs;
    private final LabelStudioTaskParser parser;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    public LabelStudioTaskController(LabelStudioApi api, LabelStudioViews views, TaskQueries tasks, Commands commands,
                                     OrganizationLabelingConfigs configs, LabelStudioTaskParser parser, ReadYourWrites readYourWrites,
                                     Clock clock) {
        this.api = api;
        this.views = views;
        this.tasks = tasks;
        this.commands = commands;
        this.configs = configs;
        this.parser = parser;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /**
     * What label-studio-sdk's get_tasks / get_labeled_tasks / get_unlabeled_tasks send in {@code query}: Data Manager
     * filters and a selection. Understood here: no filter, or Label Studio's completed filter
     * ({@code filter:tasks:completed_at}, operator {@code empty}, true or false), and {@code selectedItems} with
     * {@code included} task ids; anything else is refused (400), never silently ignored.
     */
    record TaskQuery(Boolean completed, List<Long> included, String error) {
        static TaskQuery of(String query) {
            if (query == null || query.isBlank()) return new TaskQuery(null, null, null);
            JsonNode q;
            try {
                q = JSON.readTree(query);
            } catch (RuntimeException e) {
                return new TaskQuery(null, null, "query is not JSON");
            }
            Boolean completed = null;
            JsonNode items = q.path("filters").path("items");
            if (items.isArray()) {
                for (JsonNode item : items) {
                    boolean understood = "filter:tasks:completed_at".equals(item.path("filter").asString(""))
                                         && "empty".equals(item.path("operator").asString("")) && item.path("value").isBoolean();
                    if (!understood || completed != null) {
                        return new TaskQuery(null, null, "Only the filter filter:tasks:completed_at (operator empty) is supported here");
                    }
                    completed = !item.path("value").asBoolean();
                }
            }
            if (!q.path("ordering").isMissingNode() && !q.path("ordering").isNull() && !q.path("ordering").isEmpty()) {
                return new TaskQuery(null, null, "Tasks are listed by number; ordering is not supported here");
            }
            List<Long> included = null;
            JsonNode selected = q.path("selectedItems");
            if (selected.isObject() && !selected.path("all").asBoolean(true)) {
                included = new java.util.ArrayList<>();
                for (JsonNode id : selected.path("included")) {
                    if (!id.isIntegralNumber()) return new TaskQuery(null, null, "selectedItems.included holds task ids");
                    included.add(id.asLong());
                }
            } else if (selected.isObject() && selected.path("excluded").size() > 0) {
                return new TaskQuery(null, null, "selectedItems.excluded is not supported here");
            }
            return new TaskQuery(completed, included, null);
        }
    }

    @GetMapping("/ls/api/tasks")
    public Mono<ResponseEntity<Object>> list(@RequestParam(required = false) String project, @RequestParam(defaultValue = "1") String page,
                                             @RequestParam(name = "page_size", defaultValue = "100") String pageSize,
                                             @RequestParam(defaultValue = "task_only") String fields,
                                             @RequestParam(required = false) String query, @RequestParam(required = false) String view,
                                             @RequestParam(required = false) String include, ServerWebExchange exchange) {
        if (project == null) return Mono.just(LabelStudioApi.invalid("project", "This field is required."));
        Long projectNumber = LabelStudioApi.intOf(project);
        Long p = LabelStudioApi.intOf(page);
        Long size = LabelStudioApi.intOf(pageSize);
        if (projectNumber == null) return Mono.just(LabelStudioApi.notFound());
        if (p == null || p < 1) return Mono.just(LabelStudioApi.detail(HttpStatus.NOT_FOUND, "Invalid page."));
        if (size == null || size < 1) return Mono.just(LabelStudioApi.invalid("page_size", "A positive integer is required."));
        if (view != null && !view.isBlank()) return Mono.just(LabelStudioApi.invalid("view", "Data Manager views are not supported here"));
        TaskQuery filter = TaskQuery.of(query);
        if (filter.error() != null) return Mono.just(LabelStudioApi.invalid("query", filter.error()));
        int limit = (int) Math.min(size, 1000);
        boolean full = "all".equals(fields);
        boolean idsOnly = "id".equals(include);
        return inProject(projectNumber, exchange, LIST, (c, projectId) -> (filter.included() == null ? Mono.just(Optional.<List<String>>empty())
                        : api.ids().idsOf(Kind.TASK, c.organizationId(), filter.included()).map(Optional::of))
                .flatMap(selection -> {
                    List<String> only = selection.orElse(null); // null: every task of the project
                    return tasks.totals(c.organizationId(), projectId, filter.completed(), only).flatMap(totals -> {
                    long offset = (p - 1) * limit;
                    // Label Studio answers a page past the end with 404 "Invalid page." (the SDK stops there)
                    if (offset > 0 && offset >= totals.tasks()) return Mono.just(LabelStudioApi.detail(HttpStatus.NOT_FOUND, "Invalid page."));
                    return tasks.byNumber(c.organizationId(), projectId, filter.completed(), only, offset, limit).collectList()
                                .flatMap(rows -> views.tasks(c, projectId, rows, full && !idsOnly))
                                .map(list -> {
                                    Map<String, Object> body = new LinkedHashMap<>();
                                    body.put("tasks", idsOnly ? list.stream().map(t -> java.util.Collections.singletonMap("id", t.get("id"))).toList() : list);
                                    body.put("total", totals.tasks());
                                    body.put("total_annotations", totals.annotations());
                                    body.put("total_predictions", totals.predictions());
                                    return LabelStudioApi.ok(body);
                                });
                    });
                }));
    }

    @GetMapping("/ls/api/tasks/{id}")
    public Mono<ResponseEntity<Object>> get(@PathVariable String id, ServerWebExchange exchange) {
        return task(id, exchange, GET, (c, taskId) -> tasks.get(c.organizationId(), taskId)
                .flatMap(t -> views.tasks(c, t.projectId(), List.of(t), true))
                .map(list -> LabelStudioApi.ok(list.getFirst())));
    }

    @DeleteMapping("/ls/api/tasks/{id}")
    public Mono<ResponseEntity<Object>> delete(@PathVariable String id, ServerWebExchange exchange) {
        return task(id, exchange, DELETE, (c, taskId) -> commands.<Object>send(new DeleteTask(new TaskId(taskId), c.caller().organization(),
                        c.caller().user()), c.caller(), c.ip())
                // a script reads right after it deletes: answer once the Data Manager shows the deletion
                .flatMap(r -> r.ok() ? readYourWrites.await(taskId, Projection.DATA_MANAGER).thenReturn(ResponseEntity.noContent().<Object>build())
                        : Mono.just(LabelStudioApi.refused(r.error(), Map.of()))));
    }

    /** One task: {@code {"data": {...}, "project": <id>}} (Label Studio's task create), imported like a one-task import. */
    @PostMapping("/ls/api/tasks")
    public Mono<ResponseEntity<Object>> create(@org.springframework.web.bind.annotation.RequestBody(required = false) JsonNode body,
                                               ServerWebExchange exchange) {
        if (body == null || !body.isObject()) return Mono.just(LabelStudioApi.invalid("non_field_errors", "Invalid data. Expected a dictionary."));
        JsonNode project = body.get("project");
        if (project == null || !project.isIntegralNumber()) return Mono.just(LabelStudioApi.invalid("project", "This field is required."));
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) return Mono.just(LabelStudioApi.invalid("data", "This field is required."));
        return inProject(project.asLong(), exchange, CREATE, (c, projectId) ->
                parse(c, projectId, ImportFormat.JSON, JSON.writeValueAsString(List.of(body.has("predictions") || body.has("annotations")
                        ? without(body, "project") : Map.of("data", data))))
                        .flatMap(parsed -> parsed.error() != null ? Mono.just(parsed.error())
                                : send(c, projectId, parsed.tasks()).flatMap(r -> r.error() != null ? Mono.just(r.error())
                                        : tasks.get(c.organizationId(), parsed.tasks().getFirst().taskId().value())
                                               .flatMap(t -> views.tasks(c, projectId, List.of(t), true))
                                               .map(list -> LabelStudioApi.created(list.getFirst()))
                                               .defaultIfEmpty(LabelStudioApi.detail(HttpStatus.ACCEPTED, "The task was created; it is not readable yet")))));
    }

    private static JsonNode without(JsonNode body, String field) {
        var copy = ((tools.jackson.databind.node.ObjectNode) body).deepCopy();
        copy.remove(field);
        return copy;
    }

    /**
     * Label Studio's import: a JSON body (a list of tasks, or one task) or multipart files (the format from each
     * file's extension: .json, .jsonl/.ndjson, .csv, .tsv, .txt). Answered 201 with Label Studio's counts.
     */
    @PostMapping("/ls/api/projects/{id}/import")
    public Mono<ResponseEntity<Object>> importTasks(@PathVariable String id,
                                                    @RequestParam(name = "return_task_ids", required = false) String returnTaskIds,
                                                    @RequestParam(name = "preannotated_from_fields", required = false) String preannotated,
                                                    ServerWebExchange exchange) {
        Long number = LabelStudioApi.intOf(id);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        if (preannotated != null && !preannotated.isBlank()) {
            return Mono.just(LabelStudioApi.invalid("preannotated_from_fields", "Not supported here: import predictions inside the tasks"));
        }
        // label-studio-sdk's import_tasks asks for the new tasks' ids (return_task_ids=1) and reads them back
        boolean withIds = returnTaskIds != null && (returnTaskIds.equals("1") || returnTaskIds.equalsIgnoreCase("true"));
        Instant started = clock.instant();
        return inProject(number, exchange, IMPORT, (c, projectId) -> files(exchange)
                .concatMap(file -> parse(c, projectId, file.format(), file.text()))
                .collectList()
                .flatMap(parsedFiles -> {
                    List<NewTask> all = new java.util.ArrayList<>();
                    for (Parse parsed : parsedFiles) {
                        if (parsed.error() != null) return Mono.just(parsed.error());
                        all.addAll(parsed.tasks());
                    }
                    if (all.isEmpty()) return Mono.just(LabelStudioApi.invalid("non_field_errors", "No tasks found in the request"));
                    return send(c, projectId, all).flatMap(r -> r.error() != null || !withIds ? Mono.just(r)
                            : api.ids().intIdsOf(Kind.TASK, c.organizationId(), all.stream().map(t -> t.taskId().value()).toList())
                                 .map(numbers -> new Sent(null, all.stream().map(t -> numbers.get(t.taskId().value())).toList()))).map(r -> {
                        if (r.error() != null) return r.error();
                        Map<String, Object> body = new LinkedHashMap<>();
                        if (withIds) body.put("task_ids", r.taskIds());
                        body.put("task_count", all.size());
                        body.put("annotation_count", all.stream().mapToInt(t -> t.annotations().size()).sum());
                        body.put("prediction_count", all.stream().mapToInt(t -> t.predictions().size()).sum());
                        body.put("duration", Duration.between(started, clock.instant()).toMillis() / 1000.0);
                        body.put("file_upload_ids", List.of());
                        body.put("could_be_tasks_list", false);
                        body.put("found_formats", List.of());
                        body.put("data_columns", List.of());
                        return LabelStudioApi.created(body);
                    });
                }));
    }

    private record Upload(ImportFormat format, String text) {}

    /** The request's tasks: the body, or each file of a multipart form. */
    private static Flux<Upload> files(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return exchange.getMultipartData().flatMapMany(parts -> Flux.fromIterable(parts.values()).flatMapIterable(l -> l))
                    .filter(part -> part instanceof FilePart)
                    .concatMap(part -> DataBufferUtils.join(part.content()).map(buffer -> {
                        String text = buffer.toString(StandardCharsets.UTF_8);
                        DataBufferUtils.release(buffer);
                        return new Upload(formatOf(((FilePart) part).filename()), text);
                    }));
        }
        return DataBufferUtils.join(exchange.getRequest().getBody()).map(buffer -> {
            String text = buffer.toString(StandardCharsets.UTF_8);
            DataBufferUtils.release(buffer);
            return new Upload(ImportFormat.JSON, text);
        }).flux();
    }

    static ImportFormat formatOf(String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return ImportFormat.CSV;
        if (name.endsWith(".tsv")) return ImportFormat.TSV;
        if (name.endsWith(".txt")) return ImportFormat.TEXT;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return ImportFormat.NDJSON;
        return ImportFormat.JSON;
    }

    /** Parsed tasks, or the answer refusing them (all or nothing, as Label Studio's import). */
    private record Parse(List<NewTask> tasks, ResponseEntity<Object> error) {}

    private Mono<Parse> parse(LabelStudioApi.Call c, String projectId, ImportFormat format, String text) {
        // the config comes from the project's events (a project created a moment ago is there already)
        return Mono.fromCallable(() -> parser.parse(format, text, configs.current(new ProjectId(projectId), new OrganizationId(c.organizationId()))))
                   .subscribeOn(Schedulers.boundedElastic())
                   .map(parsed -> {
                       if (parsed.error() != null) return new Parse(List.of(), LabelStudioApi.invalid("non_field_errors", parsed.error()));
                       if (!parsed.rejections().isEmpty()) {
                           Map<String, List<String>> errors = new LinkedHashMap<>();
                           errors.put("non_field_errors", parsed.rejections().stream()
                                   .map(r -> "Task " + r.index() + (r.line() == null ? "" : " (line " + r.line() + ")") + ": " + r.reason()).toList());
                           return new Parse(List.of(), LabelStudioApi.invalid(errors));
                       }
                       return new Parse(parsed.tasks(), null);
                   })
                   .onErrorResume(NotFound.class, e -> Mono.just(new Parse(List.of(), LabelStudioApi.notFound())));
    }

    /** What the import answered: the refusal, or (when asked for) the new tasks' integer ids in order. */
    private record Sent(ResponseEntity<Object> error, List<Long> taskIds) {
        Sent(ResponseEntity<Object> error) { this(error, List.of()); }
    }

    /** ImportTasks in batches, as GraphQL's importTasks sends them; answered once the last task is readable. */
    private Mono<Sent> send(LabelStudioApi.Call c, String projectId, List<NewTask> all) {
        ImportId importId = new ImportId(UUID.randomUUID().toString());
        int batches = (all.size() + BATCH - 1) / BATCH;
        return Flux.range(0, batches)
                   .concatMap(b -> commands.<Integer>send(new ImportTasks(new ProjectId(projectId), c.caller().organization(), importId,
                           all.subList(b * BATCH, Math.min(all.size(), (b + 1) * BATCH)), c.caller().user()), c.caller(), c.ip()))
                   .takeUntil(r -> !r.ok())
                   .collectList()
                   .flatMap(results -> {
                       Optional<Commands.Result<Integer>> failed = results.stream().filter(r -> !r.ok()).findFirst();
                       if (failed.isPresent()) return Mono.just(new Sent(LabelStudioApi.refused(failed.get().error(), Map.of("json", "non_field_errors"))));
                       Duration wait = ReadYourWrites.DEFAULT_WAIT.plusMillis(Math.min(55_000L, all.size()));
                       return readYourWrites.await(all.getLast().taskId().value(), wait, Projection.DATA_MANAGER).thenReturn(new Sent(null));
                   });
    }

    /** The project a number names in the caller's organization, decided by {@code operation}'s row (see LabelStudioApi). */
    private Mono<ResponseEntity<Object>> inProject(long number, ServerWebExchange exchange, String operation,
                                                   java.util.function.BiFunction<LabelStudioApi.Call, String, Mono<ResponseEntity<Object>>> then) {
        return api.call(exchange).flatMap(call -> api.resolve(call, Kind.PROJECT, number).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> api.decide(call, operation, found.orElse(null),
                        c -> found.isEmpty() ? Mono.just(LabelStudioApi.notFound()) : then.apply(c, found.get()))));
    }

    /** The task a number names in the caller's organization, decided by {@code operation}'s row (scope task:id). */
    private Mono<ResponseEntity<Object>> task(String id, ServerWebExchange exchange, String operation,
                                              java.util.function.BiFunction<LabelStudioApi.Call, String, Mono<ResponseEntity<Object>>> then) {
        Long number = LabelStudioApi.intOf(id);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        return api.call(exchange).flatMap(call -> api.resolve(call, Kind.TASK, number).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> api.decide(call, operation, found.orElse(null),
                        c -> found.isEmpty() ? Mono.just(LabelStudioApi.notFound())
                                : then.apply(c, found.get()).defaultIfEmpty(LabelStudioApi.notFound()))));
    }
}
