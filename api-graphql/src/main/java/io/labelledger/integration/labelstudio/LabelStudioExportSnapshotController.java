package io.labelledger.integration.labelstudio;

import io.labelledger.api.Commands;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.RecordProjectExport;
import io.labelledger.shared.read.IntIdQueries.Kind;
import io.labelledger.task.export.ExportQueries;
import io.labelledger.task.exportfile.ExportFormat;
import io.labelledger.task.jobs.ExportJob;
import io.labelledger.task.jobs.ExportJobFiles;
import io.labelledger.task.jobs.ExportJobStore;
import io.labelledger.task.jobs.ImportJobQueue;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Label Studio's export snapshots (ADR 0050) over our export jobs (ADR 0018): create ({@code POST /api/projects/{id}/exports},
 * a JSON export job, recorded as {@code ProjectExported} like GraphQL's createExport), list, one (its {@code status}
 * is what the SDK polls) and download. Owners and Admins see every job of a project, Managers their own (as exportJobs).
 */
@RestController
public class LabelStudioExportSnapshotController {
    static final String CREATE = "POST /ls/api/projects/{id}/exports";
    static final String LIST = "GET /ls/api/projects/{id}/exports";
    static final String GET = "GET /ls/api/projects/{id}/exports/{export_pk}";
    static final String DOWNLOAD = "GET /ls/api/projects/{id}/exports/{export_pk}/download";
    static final Set<OrganizationRole> SEE_ALL = Set.of(OrganizationRole.OWNER, OrganizationRole.ADMIN);

    private final LabelStudioApi api;
    private final LabelStudioViews views;
    private final Commands commands;
    private final ExportQueries exports;
    private final ExportJobStore jobs;
    private final ImportJobQueue queue;
    private final ExportJobFiles files;
    private final Clock clock;

    public LabelStudioExportSnapshotController(LabelStudioApi api, LabelStudioViews views, Commands commands, ExportQueries exports,
                                               ExportJobStore jobs, @Qualifier("exportJobQueue") ImportJobQueue queue, ExportJobFiles files,
                                               Clock clock) {
        this.api = api;
        this.views = views;
        this.commands = commands;
        this.exports = exports;
        this.jobs = jobs;
        this.queue = queue;
        this.files = files;
        this.clock = clock;
    }

    @PostMapping("/ls/api/projects/{id}/exports")
    public Mono<ResponseEntity<Object>> create(@PathVariable String id, @RequestBody(required = false) JsonNode body, ServerWebExchange exchange) {
        boolean onlyAnnotated = body != null && body.path("task_filter_options").path("only_with_annotations").asBoolean(false);
        return project(id, exchange, CREATE, (c, projectId) -> {
            String jobId = UUID.randomUUID().toString();
            return exports.snapshot(c.organizationId(), projectId, onlyAnnotated, false)
                    .flatMap(snapshot -> commands.<Object>send(new RecordProjectExport(new ProjectId(projectId), c.caller().organization(),
                                    ExportFormat.JSON.name(), onlyAnnotated, false, List.of(), null, snapshot.taskCount(), jobId, c.caller().user(), false),
                                    c.caller(), c.ip())
                            .flatMap(r -> {
                                if (!r.ok()) return Mono.just(LabelStudioApi.refused(r.error(), Map.of()));
                                ExportJob job = new ExportJob(jobId, c.organizationId(), projectId, c.caller().userId(), ExportFormat.JSON, onlyAnnotated,
                                        List.of(), null, snapshot.maxNumber(), ExportJob.State.QUEUED, snapshot.taskCount(), 0, 0, null, 0, null,
                                        clock.instant(), null, null, false, false);
                                return Mono.fromCallable(() -> {
                                            jobs.create(job);
                                            queue.enqueue(jobId);
                                            return jobId;
                                        }).subscribeOn(Schedulers.boundedElastic())
                                        .flatMap(created -> shape(c, List.of(job))).map(list -> LabelStudioApi.created(list.getFirst()));
                            }));
        });
    }

    @GetMapping("/ls/api/projects/{id}/exports")
    public Mono<ResponseEntity<Object>> list(@PathVariable String id, ServerWebExchange exchange) {
        return project(id, exchange, LIST, (c, projectId) -> Mono.fromCallable(() -> jobs.list(c.organizationId(), projectId, owner(c), 100))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(list -> shape(c, list)).map(LabelStudioApi::ok));
    }

    @GetMapping("/ls/api/projects/{id}/exports/{export_pk}")
    public Mono<ResponseEntity<Object>> get(@PathVariable String id, @PathVariable("export_pk") String exportPk, ServerWebExchange exchange) {
        return job(id, exportPk, exchange, GET, (c, job) -> shape(c, List.of(job)).map(list -> LabelStudioApi.ok(list.getFirst())));
    }

    @GetMapping("/ls/api/projects/{id}/exports/{export_pk}/download")
    public Mono<ResponseEntity<reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer>>> download(
            @PathVariable String id, @PathVariable("export_pk") String exportPk, @RequestParam(defaultValue = "JSON") String exportType,
            ServerWebExchange exchange) {
        return file(id, exportPk, exportType, exchange).map(r -> LabelStudioApi.buffers(r, exchange.getResponse().bufferFactory()));
    }

    private Mono<ResponseEntity<Object>> file(String id, String exportPk, String exportType, ServerWebExchange exchange) {
        if (LabelStudioExportController.formatOf(exportType) != ExportFormat.JSON) {
            return Mono.just(LabelStudioApi.invalid("exportType", "A snapshot downloads as JSON here; export other formats with /api/projects/{id}/export"));
        }
        return job(id, exportPk, exchange, DOWNLOAD, (c, job) -> {
            if (job.state() != ExportJob.State.COMPLETED || !Files.isRegularFile(files.done(job.id()))) {
                return Mono.just(LabelStudioApi.detail(org.springframework.http.HttpStatus.NOT_FOUND, "The export is not completed"));
            }
            return Mono.just(ResponseEntity.ok()
                    .contentType(job.format().mediaType())
                    .cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(job.fileName()).build().toString())
                    .<Object>body(DataBufferUtils.read(files.done(job.id()), DefaultDataBufferFactory.sharedInstance, 64 * 1024)));
        });
    }

    /** Managers see their own jobs only; Owners and Admins every job (as GraphQL's exportJobs). */
    private static String owner(LabelStudioApi.Call c) {
        return SEE_ALL.contains(c.caller().organizationRole()) ? null : c.caller().userId();
    }

    static String status(ExportJob.State state) {
        return switch (state) {
            case QUEUED -> "created";
            case RUNNING -> "in_progress";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
    }

    /** Snapshots in Label Studio's shape, with their integer ids and creators. */
    private Mono<List<Map<String, Object>>> shape(LabelStudioApi.Call c, List<ExportJob> list) {
        Set<String> creators = new HashSet<>();
        list.forEach(j -> creators.add(j.userId()));
        return Mono.zip(Mono.fromCallable(() -> jobs.intIds(list.stream().map(ExportJob::id).toList())).subscribeOn(Schedulers.boundedElastic()),
                        views.people(creators))
                   .map(t -> list.stream().map(j -> {
                       Map<String, Object> m = new LinkedHashMap<>();
                       m.put("id", t.getT1().get(j.id()));
                       m.put("title", "");
                       m.put("created_by", t.getT2().get(j.userId()));
                       m.put("created_at", j.createdAt().toString());
                       m.put("finished_at", j.finishedAt() == null ? null : j.finishedAt().toString());
                       m.put("status", status(j.state()));
                       m.put("md5", null);
                       m.put("counters", Map.of("task_number", j.writtenTasks()));
                       m.put("converted_formats", List.of());
                       return m;
                   }).toList());
    }

    private Mono<ResponseEntity<Object>> project(String id, ServerWebExchange exchange, String operation,
                                                 java.util.function.BiFunction<LabelStudioApi.Call, String, Mono<ResponseEntity<Object>>> then) {
        Long number = LabelStudioApi.intOf(id);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        return api.call(exchange).flatMap(call -> api.resolve(call, Kind.PROJECT, number).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> api.decide(call, operation, found.orElse(null),
                        c -> found.isEmpty() ? Mono.just(LabelStudioApi.notFound()) : then.apply(c, found.get()).defaultIfEmpty(LabelStudioApi.notFound()))));
    }

    /** A job of the project (by the numbers of both), the caller's own for Managers. */
    private Mono<ResponseEntity<Object>> job(String id, String exportPk, ServerWebExchange exchange, String operation,
                                             java.util.function.BiFunction<LabelStudioApi.Call, ExportJob, Mono<ResponseEntity<Object>>> then) {
        Long number = LabelStudioApi.intOf(exportPk);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        return project(id, exchange, operation, (c, projectId) -> Mono.fromCallable(() -> jobs.byIntId(c.organizationId(), number, owner(c)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.filter(j -> j.projectId().equals(projectId)).map(j -> then.apply(c, j))
                        .orElseGet(() -> Mono.just(LabelStudioApi.notFound()))));
    }
}
