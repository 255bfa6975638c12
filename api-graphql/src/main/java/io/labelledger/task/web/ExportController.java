package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.UserError;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.RecordProjectExport;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.web.LabelingConfigCache;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.task.export.ExportQueries;
import io.labelledger.task.exportfile.ExportBodies;
import io.labelledger.task.exportfile.ExportFormat;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * File download of a project's tasks in Label Studio's export shapes: {@code GET /api/projects/{id}/export?format=
 * JSON|JSON_MIN|CSV|TSV|COCO|YOLO|YOLO_OBB|VOC|CONLL2003|BRUSH_PNG&onlyCompleted=true&onlyGroundTruth=true&rawValues=true}
 * (COCO…VOC for image projects only, CONLL2003 for NER projects only, BRUSH_PNG for BrushLabels on an Image; otherwise
 * 400 with a typed error, VALIDATION on {@code format}). Authenticated like the rest of /api (session cookie or API
 * token); the organization comes from the principal, so another organization's project is 404. The export is recorded as a
 * {@code ProjectExported} event before the first byte is sent, then streamed from the read models page by page
 * (constant memory, whatever the project's size). CSV/TSV cells that would run as spreadsheet formulas are neutralized
 * unless {@code rawValues=true} (ADR 0030). It exports the whole project: a Data Manager selection ({@code taskIds},
 * {@code filter}, …) is refused with VALIDATION on {@code selection} — selections export through export jobs (ADR 0048).
 */
@RestController
public class ExportController {
    private static final JsonMapper ERRORS = JsonMapper.builder().build();
    /** Its row in rules.csv: decided by the same policy as createExport (a Manager only in their projects). */
    static final String OPERATION = "GET /api/projects/{id}/export";
    /** Query parameters that would name a Data Manager selection: refused, never ignored (ADR 0048). */
    static final List<String> SELECTION_PARAMETERS = List.of("selection", "taskIds", "filter", "excludedIds", "selected");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Commands commands;
    private final ProjectQueries projects;
    private final ExportQueries exports;
    private final ExportBodies bodies;
    private final LabelingConfigCache configs;
    private final ClientIp clientIp;
    private final Clock clock;
    private final io.labelledger.api.authorization.Authorization authorization;

    public ExportController(Commands commands, ProjectQueries projects, ExportQueries exports, ExportBodies bodies,
                            LabelingConfigCache configs, ClientIp clientIp, Clock clock,
                            io.labelledger.api.authorization.Authorization authorization) {
        this.authorization = authorization;
        this.commands = commands;
        this.projects = projects;
        this.exports = exports;
        this.bodies = bodies;
        this.configs = configs;
        this.clientIp = clientIp;
        this.clock = clock;
    }

    @GetMapping("/api/projects/{id}/export")
    public Mono<ResponseEntity<Flux<DataBuffer>>> export(@PathVariable String id, @RequestParam(defaultValue = "JSON") String format,
                                                         @RequestParam(defaultValue = "false") boolean onlyCompleted,
                                                         @RequestParam(defaultValue = "false") boolean onlyGroundTruth,
                                                         @RequestParam(defaultValue = "false") boolean rawValues,
                                                         ServerWebExchange exchange) {
        ExportFormat f = ExportFormat.parse(format);
        DataBufferFactory buffers = exchange.getResponse().bufferFactory();
        if (f == null) return Mono.just(refused(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION, "format", "Unknown export format", buffers));
        if (SELECTION_PARAMETERS.stream().anyMatch(exchange.getRequest().getQueryParams()::containsKey)) {
            // this download is the whole project: a selection would be silently ignored, so it is refused (ADR 0048)
            return Mono.just(refused(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION, "selection",
                    "A Data Manager selection is exported by an export job (createExport with a selection), not by this download", buffers));
        }
        if (!Ids.isUuid(id)) return Mono.just(ResponseEntity.notFound().build());
        String ip = clientIp.of(exchange);
        return exchange.getPrincipal()
                .flatMap(Caller::of)
                .flatMap(caller -> authorization.decide(caller, OPERATION, java.util.Map.of("id", id), ip).flatMap(allowed -> {
                    if (!allowed) return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).<Flux<DataBuffer>>build());
                    return projects.get(caller.organizationId(), id).flatMap(project -> {
                        LabelingConfig config = configs.parse(project.labelConfig());
                        if (!bodies.fits(f, config)) { // not an image / NER / brush project
                            return Mono.just(refused(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION, "format",
                                    "The project's labeling config cannot be exported in this format", buffers));
                        }
                        return exports
                            .snapshot(caller.organizationId(), id, onlyCompleted, onlyGroundTruth)
                            .flatMap(snapshot -> commands.<Object>send(new RecordProjectExport(new ProjectId(id), caller.organization(),
                                            f.name(), onlyCompleted, onlyGroundTruth, List.of(), null, snapshot.taskCount(), null,
                                            caller.user(), rawValues && f.spreadsheet()), caller, ip)
                                    .map(r -> {
                                        if (!r.ok()) {
                                            HttpStatus status = r.error().code() == ErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
                                            return refused(status, r.error(), buffers);
                                        }
                                        Flux<DataBuffer> body = bodies.body(f, rawValues, config, caller.organizationId(), id,
                                                exports.pages(caller.organizationId(), id, onlyCompleted, onlyGroundTruth, snapshot.maxNumber())
                                                       .map(page -> ExportQueries.filterAnnotations(page, onlyGroundTruth, Set.of()))
                                                       .filter(page -> !page.isEmpty()),
                                                buffers).orElseThrow();
                                        return ResponseEntity.ok()
                                                .contentType(f.mediaType())
                                                .cacheControl(CacheControl.noStore())
                                                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                                        .filename("project-" + id + "-" + STAMP.format(clock.instant()) + f.extension()).build().toString())
                                                .header("X-Task-Count", Long.toString(snapshot.taskCount()))
                                                .body(body);
                                    }));
                    });
                }))
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }

    /** A refusal with the REST error shape of /api ({@code {"errors": [{code, field, message}]}}), never an empty 400. */
    static ResponseEntity<Flux<DataBuffer>> refused(HttpStatus status, ErrorCode code, String field, String message, DataBufferFactory buffers) {
        return refused(status, UserError.of(code, field, message), buffers);
    }

    static ResponseEntity<Flux<DataBuffer>> refused(HttpStatus status, UserError error, DataBufferFactory buffers) {
        byte[] body = ERRORS.writeValueAsBytes(Map.of("errors", List.of(error)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Flux.just(buffers.wrap(body)));
    }
}
