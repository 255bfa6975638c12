package io.labelledger.integration.labelstudio;

import io.labelledger.api.Commands;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.RecordProjectExport;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.web.LabelingConfigCache;
import io.labelledger.shared.read.IntIdQueries.Kind;
import io.labelledger.task.export.ExportQueries;
import io.labelledger.task.exportfile.ExportBodies;
import io.labelledger.task.exportfile.ExportFormat;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Label Studio's export download (ADR 0050): {@code GET /api/projects/{id}/export?exportType=JSON|JSON_MIN|CSV|TSV|COCO|
 * YOLO|YOLO_OBB|VOC|CONLL2003|BRUSH_TO_PNG&download_all_tasks=true}. The same export as ours
 * ({@code GET /api/projects/{uuid}/export}): recorded as {@code ProjectExported} before the first byte, then streamed
 * page by page from the read models. Label Studio exports only annotated tasks unless {@code download_all_tasks=true};
 * here "annotated" is "completed" (as many annotations as the task's overlap, which is the same with overlap 1).
 */
@RestController
public class LabelStudioExportController {
    static final String EXPORT = "GET /ls/api/projects/{id}/export";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final LabelStudioApi api;
    private final Commands commands;
    private final ProjectQueries projects;
    private final ExportQueries exports;
    private final ExportBodies bodies;
    private final LabelingConfigCache configs;
    private final Clock clock;

    public LabelStudioExportController(LabelStudioApi api, Commands commands, ProjectQueries projects, ExportQueries exports,
                                       ExportBodies bodies, LabelingConfigCache configs, Clock clock) {
        this.api = api;
        this.commands = commands;
        this.projects = projects;
        this.exports = exports;
        this.bodies = bodies;
        this.configs = configs;
        this.clock = clock;
    }

    /** Label Studio's exportType names; ours where they differ. */
    static ExportFormat formatOf(String exportType) {
        String name = exportType == null ? "JSON" : exportType.strip().toUpperCase(Locale.ROOT);
        if (name.equals("BRUSH_TO_PNG")) return ExportFormat.BRUSH_PNG;
        return ExportFormat.parse(name);
    }

    /** The file as bytes (declared as such, so that WebFlux writes them as they are), or Label Studio's error. */
    @GetMapping("/ls/api/projects/{id}/export")
    public Mono<ResponseEntity<Flux<DataBuffer>>> export(@PathVariable String id, @RequestParam(defaultValue = "JSON") String exportType,
                                                         @RequestParam(name = "download_all_tasks", defaultValue = "false") String downloadAllTasks,
                                                         ServerWebExchange exchange) {
        return answer(id, exportType, downloadAllTasks, exchange)
                .map(r -> LabelStudioApi.buffers(r, exchange.getResponse().bufferFactory()));
    }

    private Mono<ResponseEntity<Object>> answer(String id, String exportType, String downloadAllTasks, ServerWebExchange exchange) {
        ExportFormat f = formatOf(exportType);
        if (f == null) return Mono.just(LabelStudioApi.invalid("exportType", "Unknown export type: " + exportType));
        boolean onlyAnnotated = !"true".equalsIgnoreCase(downloadAllTasks) && !"1".equals(downloadAllTasks);
        Long number = LabelStudioApi.intOf(id);
        if (number == null) return Mono.just(LabelStudioApi.notFound());
        return api.call(exchange).flatMap(call -> api.resolve(call, Kind.PROJECT, number).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> api.decide(call, EXPORT, found.orElse(null), c -> found.isEmpty() ? Mono.just(LabelStudioApi.notFound())
                        : projects.get(c.organizationId(), found.get()).flatMap(project -> {
                            LabelingConfig config = configs.parse(project.labelConfig());
                            if (!bodies.fits(f, config)) {
                                return Mono.just(LabelStudioApi.invalid("exportType", "The project's labeling config cannot be exported as " + exportType));
                            }
                            String projectId = project.id();
                            String org = c.organizationId();
                            return exports.snapshot(org, projectId, onlyAnnotated, false)
                                    .flatMap(snapshot -> commands.<Object>send(new RecordProjectExport(new ProjectId(projectId), c.caller().organization(),
                                                    f.name(), onlyAnnotated, false, List.of(), null, snapshot.taskCount(), null, c.caller().user(), false),
                                                    c.caller(), c.ip())
                                            .map(r -> {
                                                if (!r.ok()) return LabelStudioApi.refused(r.error(), Map.of());
                                                Flux<DataBuffer> body = bodies.body(f, false, config, org, projectId,
                                                        exports.pages(org, projectId, onlyAnnotated, false, snapshot.maxNumber())
                                                               .map(page -> ExportQueries.filterAnnotations(page, false, Set.of()))
                                                               .filter(page -> !page.isEmpty()),
                                                        exchange.getResponse().bufferFactory()).orElseThrow();
                                                return ResponseEntity.ok()
                                                        .contentType(f.mediaType())
                                                        .cacheControl(CacheControl.noStore())
                                                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                                                .filename("project-" + number + "-at-" + STAMP.format(clock.instant()) + f.extension())
                                                                .build().toString())
                                                        .<Object>body(body);
                                            }));
                        }).defaultIfEmpty(LabelStudioApi.notFound()))));
    }
}
