package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.RecordProjectExport;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.web.LabelingConfigCache;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.task.export.ExportQueries;
import io.labelledger.task.export.LabelStudioExport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * File download of a project's tasks in Label Studio's export shapes: {@code GET /api/projects/{id}/export?format=
 * JSON|JSON_MIN|CSV|TSV&onlyCompleted=true}. Authenticated like the rest of /api (session cookie or API token); the
 * organization comes from the principal, so another organization's project is 404. The export is recorded as a
 * {@code ProjectExported} event before the first byte is sent, then streamed from the read models page by page
 * (constant memory, whatever the project's size).
 */
@RestController
public class ExportController {
    public enum Format { JSON, JSON_MIN, CSV, TSV }

    static final Set<OrganizationRole> MAY_EXPORT = Set.of(OrganizationRole.OWNER, OrganizationRole.ADMIN, OrganizationRole.MANAGER);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Commands commands;
    private final ProjectQueries projects;
    private final ExportQueries exports;
    private final LabelStudioExport shapes;
    private final LabelingConfigCache configs;
    private final JsonMapper json;
    private final ClientIp clientIp;
    private final Clock clock;

    public ExportController(Commands commands, ProjectQueries projects, ExportQueries exports, LabelStudioExport shapes,
                            LabelingConfigCache configs, JsonMapper json, ClientIp clientIp, Clock clock) {
        this.commands = commands;
        this.projects = projects;
        this.exports = exports;
        this.shapes = shapes;
        this.configs = configs;
        this.json = json;
        this.clientIp = clientIp;
        this.clock = clock;
    }

    @GetMapping("/api/projects/{id}/export")
    public Mono<ResponseEntity<Flux<DataBuffer>>> export(@PathVariable String id, @RequestParam(defaultValue = "JSON") String format,
                                                         @RequestParam(defaultValue = "false") boolean onlyCompleted,
                                                         ServerWebExchange exchange) {
        Format f;
        try {
            f = Format.valueOf(format);
        } catch (IllegalArgumentException e) {
            return Mono.just(ResponseEntity.badRequest().build());
        }
        if (!Ids.isUuid(id)) return Mono.just(ResponseEntity.notFound().build());
        DataBufferFactory buffers = exchange.getResponse().bufferFactory();
        String ip = clientIp.of(exchange);
        return exchange.getPrincipal()
                .flatMap(p -> p instanceof Authentication a && a.getPrincipal() instanceof Caller c ? Mono.just(c) : Mono.<Caller>empty())
                .flatMap(caller -> {
                    if (!MAY_EXPORT.contains(caller.organizationRole())) {
                        return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).<Flux<DataBuffer>>build());
                    }
                    return projects.get(caller.organizationId(), id).flatMap(project -> exports
                            .snapshot(caller.organizationId(), id, onlyCompleted)
                            .flatMap(snapshot -> commands.<Object>send(new RecordProjectExport(new ProjectId(id), caller.organization(),
                                            f.name(), onlyCompleted, snapshot.taskCount(), caller.user()), caller, ip)
                                    .map(r -> {
                                        if (!r.ok()) {
                                            HttpStatus status = r.error().code() == ErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
                                            return ResponseEntity.status(status).<Flux<DataBuffer>>build();
                                        }
                                        LabelingConfig config = configs.parse(project.labelConfig());
                                        Flux<DataBuffer> body = body(f, caller.organizationId(), id, onlyCompleted, snapshot.maxNumber(), config, buffers);
                                        return ResponseEntity.ok()
                                                .contentType(mediaType(f))
                                                .cacheControl(CacheControl.noStore())
                                                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                                        .filename("project-" + id + "-" + STAMP.format(clock.instant()) + extension(f)).build().toString())
                                                .header("X-Task-Count", Long.toString(snapshot.taskCount()))
                                                .body(body);
                                    })));
                })
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }

    private Flux<DataBuffer> body(Format f, String org, String projectId, boolean onlyCompleted, long maxNumber,
                                  LabelingConfig config, DataBufferFactory buffers) {
        var pages = exports.pages(org, projectId, onlyCompleted, maxNumber);
        return switch (f) {
            case JSON, JSON_MIN -> {
                AtomicBoolean first = new AtomicBoolean(true);
                Flux<DataBuffer> items = pages.map(page -> {
                    StringBuilder out = new StringBuilder();
                    for (ExportQueries.ExportTask t : page) {
                        List<ObjectNode> nodes = f == Format.JSON ? List.of(shapes.task(t)) : shapes.rows(t, config);
                        for (ObjectNode node : nodes) {
                            out.append(first.getAndSet(false) ? "\n" : ",\n").append(json.writeValueAsString(node));
                        }
                    }
                    return buffer(buffers, out);
                });
                yield Flux.concat(Mono.fromSupplier(() -> buffer(buffers, "[")), items, Mono.fromSupplier(() -> buffer(buffers, "\n]\n")));
            }
            case CSV, TSV -> {
                CSVFormat csv = f == Format.CSV ? CSVFormat.RFC4180 : CSVFormat.RFC4180.builder().setDelimiter('\t').get();
                yield exports.dataKeys(org, projectId).collectList().flatMapMany(keys -> {
                    List<String> columns = LabelStudioExport.columns(keys, config);
                    Flux<DataBuffer> rows = pages.map(page -> {
                        StringBuilder out = new StringBuilder();
                        try (CSVPrinter printer = new CSVPrinter(out, csv)) {
                            for (ExportQueries.ExportTask t : page) {
                                for (ObjectNode row : shapes.rows(t, config)) {
                                    printer.printRecord(columns.stream().map(c -> shapes.cell(row, c)));
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e); // a StringBuilder does not fail
                        }
                        return buffer(buffers, out);
                    });
                    StringBuilder header = new StringBuilder();
                    try (CSVPrinter printer = new CSVPrinter(header, csv)) {
                        printer.printRecord(columns);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Flux.concat(Mono.just(buffer(buffers, header)), rows);
                });
            }
        };
    }

    private static DataBuffer buffer(DataBufferFactory buffers, CharSequence text) {
        return buffers.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MediaType mediaType(Format f) {
        return switch (f) {
            case JSON, JSON_MIN -> MediaType.APPLICATION_JSON;
            case CSV -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case TSV -> new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8);
        };
    }

    private static String extension(Format f) {
        return switch (f) {
            case JSON -> ".json";
            case JSON_MIN -> "-min.json";
            case CSV -> ".csv";
            case TSV -> ".tsv";
        };
    }
}
