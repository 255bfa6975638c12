package io.labelledger.integration.labelstudio;

import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.project.api.ChangeLabelingConfig;
import io.labelledger.project.api.CreateProject;
import io.labelledger.project.api.DeleteProject;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.UpdateProjectDetails;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.read.ProjectView;
import io.labelledger.projection.Projection;
import io.labelledger.shared.read.IntIdQueries.Kind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Label Studio's projects endpoints (ADR 0050, docs/label-studio-rest-api.md): list (page, page_size), create, get,
 * update (title, description, label_config) and delete, over the same commands and queries as GraphQL's
 * createProject, updateProject, deleteProject, projects and project, decided by the same rows of the policy.
 */
@RestController
public class LabelStudioProjectController {
    static final String LIST = "GET /ls/api/projects";
    static final String CREATE = "POST /ls/api/projects";
    static final String GET = "GET /ls/api/projects/{id}";
    static final String UPDATE = "PATCH /ls/api/projects/{id}";
    static final String DELETE = "DELETE /ls/api/projects/{id}";
    /** Label Studio's names of the fields our commands name otherwise. */
    static final Map<String, String> FIELDS = Map.of("labelConfig", "label_config", "projectId", "id");
    /** Label Studio creates a project without a config; ours needs one: this is the empty one. */
    static final String EMPTY_CONFIG = "<View></View>";

    private final LabelStudioApi api;
    private final LabelStudioViews views;
    private final ProjectQueries projects;
    private final Commands commands;
    private final ReadYourWrites readYourWrites;

    public LabelStudioProjectController(LabelStudioApi api, LabelStudioViews views, ProjectQueries projects, Commands commands,
                                        ReadYourWrites readYourWrites) {
        this.api = api;
        this.views = views;
        this.projects = projects;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/ls/api/projects")
    public Mono<ResponseEntity<Object>> list(@RequestParam(defaultValue = "1") String page,
                                             @RequestParam(name = "page_size", defaultValue = "100") String pageSize,
                                             ServerWebExchange exchange) {
        Long p = LabelStudioApi.intOf(page);
        Long size = LabelStudioApi.intOf(pageSize);
        if (p == null || p < 1) return Mono.just(LabelStudioApi.notFound()); // Label Studio: "Invalid page."
        if (size == null || size < 1) return Mono.just(LabelStudioApi.invalid("page_size", "A positive integer is required."));
        int limit = (int) Math.min(size, 1000); // the SDK asks for 10,000,000: a page is capped, "next" says there is more
        return api.call(exchange).flatMap(call -> api.decide(call, LIST, null, c -> {
            // the list itself is everybody's; what it holds is narrowed as GraphQL's projects list is (one rule)
            String member = api.seesAllProjects(c, "Query.projects") ? null : c.caller().userId();
            long offset = (p - 1) * limit;
            return projects.count(c.organizationId(), member).flatMap(count -> projects.page(c.organizationId(), member, offset, limit)
                    .collectList().flatMap(rows -> views.projects(c, rows)).map(results -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("count", count);
                        body.put("next", offset + rows(results) < count ? pageUrl(exchange, p + 1, limit) : null);
                        body.put("previous", p > 1 ? pageUrl(exchange, p - 1, limit) : null);
                        body.put("results", results);
                        return LabelStudioApi.ok(body);
                    }));
        }));
    }

    private static int rows(List<?> results) { return results.size(); }

    private static String pageUrl(ServerWebExchange exchange, long page, int size) {
        return org.springframework.web.util.UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                .replaceQueryParam("page", page).replaceQueryParam("page_size", size).build().toUriString();
    }

    @PostMapping("/ls/api/projects")
    public Mono<ResponseEntity<Object>> create(@RequestBody(required = false) JsonNode body, ServerWebExchange exchange) {
        if (body == null || !body.isObject()) return Mono.just(LabelStudioApi.invalid("non_field_errors", "Invalid data. Expected a dictionary."));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String title = text(body, "title", errors);
        String description = text(body, "description", errors);
        String config = text(body, "label_config", errors);
        if (!errors.isEmpty()) return Mono.just(LabelStudioApi.invalid(errors));
        return api.call(exchange).flatMap(call -> api.decide(call, CREATE, null, c -> {
            String id = UUID.randomUUID().toString();
            CreateProject cmd = new CreateProject(new ProjectId(id), c.caller().organization(), title == null ? "" : title,
                    description, config == null || config.isBlank() ? EMPTY_CONFIG : config, c.caller().user());
            return commands.<Object>send(cmd, c.caller(), c.ip()).flatMap(r -> !r.ok()
                    ? Mono.just(LabelStudioApi.refused(r.error(), FIELDS))
                    : readYourWrites.await(id, Projection.DATA_MANAGER).then(projects.get(c.organizationId(), id))
                                    .flatMap(p -> views.project(c, p)).map(LabelStudioApi::created)
                                    .defaultIfEmpty(LabelStudioApi.detail(org.springframework.http.HttpStatus.ACCEPTED,
                                            "The project was created; it is not readable yet")));
        }));
    }

    @GetMapping("/ls/api/projects/{id}")
    public Mono<ResponseEntity<Object>> get(@PathVariable String id, ServerWebExchange exchange) {
        return project(id, exchange, GET, (c, p) -> views.project(c, p).map(LabelStudioApi::ok));
    }

    @PatchMapping("/ls/api/projects/{id}")
    public Mono<ResponseEntity<Object>> update(@PathVariable String id, @RequestBody(required = false) JsonNode body, ServerWebExchange exchange) {
        if (body == null || !body.isObject()) return Mono.just(LabelStudioApi.invalid("non_field_errors", "Invalid data. Expected a dictionary."));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String title = text(body, "title", errors);
        String description = text(body, "description", errors);
        String config = text(body, "label_config", errors);
        if (!errors.isEmpty()) return Mono.just(LabelStudioApi.invalid(errors));
        return project(id, exchange, UPDATE, (c, p) -> {
            ProjectId projectId = new ProjectId(p.id());
            Mono<Commands.Result<Object>> details = title == null && description == null
                    ? Mono.just(new Commands.Result<>(null, null))
                    : commands.send(new UpdateProjectDetails(projectId, c.caller().organization(), title, description, c.caller().user()), c.caller(), c.ip());
            return details.flatMap(r -> !r.ok() || config == null || config.equals(p.labelConfig()) ? Mono.just(r)
                            : commands.<Object>send(new ChangeLabelingConfig(projectId, c.caller().organization(), config, c.caller().user()), c.caller(), c.ip()))
                    .flatMap(r -> !r.ok() ? Mono.just(LabelStudioApi.refused(r.error(), FIELDS))
                            : readYourWrites.await(p.id(), Projection.DATA_MANAGER).then(projects.get(c.organizationId(), p.id()))
                                            .flatMap(updated -> views.project(c, updated)).map(LabelStudioApi::ok));
        });
    }

    /**
     * Label Studio deletes without a confirmation: the title our danger zone asks for is the project's own, unless the
     * request confirms with a body {@code {"title": ...}} (ours, optional), which must then be the project's title.
     */
    @DeleteMapping("/ls/api/projects/{id}")
    public Mono<ResponseEntity<Object>> delete(@PathVariable String id, ServerWebExchange exchange) {
        return LabelStudioApi.optionalJson(exchange)
                .onErrorResume(RuntimeException.class, e -> Mono.just(java.util.Optional.<JsonNode>of(tools.jackson.databind.node.MissingNode.getInstance())))
                .flatMap(body -> {
                    if (body.isPresent() && !body.get().isObject()) {
                        return Mono.just(LabelStudioApi.invalid("non_field_errors", "Invalid data. Expected a dictionary."));
                    }
                    Map<String, List<String>> errors = new LinkedHashMap<>();
                    String confirmation = body.isEmpty() ? null : text(body.get(), "title", errors);
                    if (!errors.isEmpty()) return Mono.just(LabelStudioApi.invalid(errors));
                    return project(id, exchange, DELETE, (c, p) -> commands.<Object>send(
                                    new DeleteProject(new ProjectId(p.id()), c.caller().organization(), confirmation == null ? p.title() : confirmation,
                                            c.caller().user()), c.caller(), c.ip())
                            .map(r -> r.ok() ? ResponseEntity.noContent().<Object>build() : LabelStudioApi.refused(r.error(), FIELDS)));
                });
    }

    /** The project an integer names in the caller's organization, decided by {@code operation}'s row; 404 otherwise. */
    private Mono<ResponseEntity<Object>> project(String id, ServerWebExchange exchange, String operation,
                                                 java.util.function.BiFunction<LabelStudioApi.Call, ProjectView, Mono<ResponseEntity<Object>>> then) {
        Long number = LabelStudioApi.intOf(id);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        // a number that names nothing here is decided by role alone (refused roles hear 403 whatever the number,
        // the others 404): existence never leaks
        return api.call(exchange).flatMap(call -> api.resolve(call, Kind.PROJECT, number).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> api.decide(call, operation, found.orElse(null), c -> found.isEmpty() ? Mono.just(LabelStudioApi.notFound())
                        : projects.get(c.organizationId(), found.get()).flatMap(p -> then.apply(c, p)).defaultIfEmpty(LabelStudioApi.notFound()))));
    }

    /** A string field: absent or null is null; another type is a validation error, as Label Studio's serializers say. */
    static String text(JsonNode body, String field, Map<String, List<String>> errors) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) {
            errors.computeIfAbsent(field, k -> new ArrayList<>()).add("Not a valid string.");
            return null;
        }
        return v.asString();
    }
}
