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
import io.labelledger.task.export.text.Conll2003;
import io.labelledger.task.export.text.NerTasks;
import io.labelledger.task.export.vision.BrushMasks;
import io.labelledger.task.export.vision.CocoWriter;
import io.labelledger.task.export.vision.DetectionArchive;
import io.labelledger.task.export.vision.VisionTasks;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
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
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * File download of a project's tasks in Label Studio's export shapes: {@code GET /api/projects/{id}/export?format=
 * JSON|JSON_MIN|CSV|TSV|COCO|YOLO|YOLO_OBB|VOC|CONLL2003|BRUSH_PNG&onlyCompleted=true} (COCO…VOC for image projects only,
 * CONLL2003 for NER projects only, BRUSH_PNG for image projects with BrushLabels). Authenticated like the rest of /api (session cookie or API token); the
 * organization comes from the principal, so another organization's project is 404. The export is recorded as a
 * {@code ProjectExported} event before the first byte is sent, then streamed from the read models page by page
 * (constant memory, whatever the project's size).
 */
@RestController
public class ExportController {
    public enum Format {
        JSON, JSON_MIN, CSV, TSV, COCO, YOLO, YOLO_OBB, VOC, CONLL2003, BRUSH_PNG;

        /** Computer-vision formats: image projects with RectangleLabels/PolygonLabels only (ADR 0010). */
        boolean vision() { return ordinal() >= COCO.ordinal() && ordinal() <= VOC.ordinal(); }
    }

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
                    return projects.get(caller.organizationId(), id).flatMap(project -> {
                        LabelingConfig config = configs.parse(project.labelConfig());
                        Optional<VisionTasks> vision = f.vision() ? VisionTasks.of(config, json) : Optional.empty();
                        if (f.vision() && vision.isEmpty()) {
                            return Mono.just(ResponseEntity.badRequest().<Flux<DataBuffer>>build()); // not an image project
                        }
                        Optional<NerTasks> ner = f == Format.CONLL2003 ? NerTasks.of(config, json) : Optional.empty();
                        if (f == Format.CONLL2003 && ner.isEmpty()) {
                            return Mono.just(ResponseEntity.badRequest().<Flux<DataBuffer>>build()); // no Labels on a Text
                        }
                        Optional<BrushMasks> brush = f == Format.BRUSH_PNG ? BrushMasks.of(config, json) : Optional.empty();
                        if (f == Format.BRUSH_PNG && brush.isEmpty()) {
                            return Mono.just(ResponseEntity.badRequest().<Flux<DataBuffer>>build()); // no BrushLabels on an Image
                        }
                        return exports
                            .snapshot(caller.organizationId(), id, onlyCompleted)
                            .flatMap(snapshot -> commands.<Object>send(new RecordProjectExport(new ProjectId(id), caller.organization(),
                                            f.name(), onlyCompleted, snapshot.taskCount(), caller.user()), caller, ip)
                                    .map(r -> {
                                        if (!r.ok()) {
                                            HttpStatus status = r.error().code() == ErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
                                            return ResponseEntity.status(status).<Flux<DataBuffer>>build();
                                        }
                                        Flux<DataBuffer> body = vision.isPresent()
                                                ? visionBody(f, vision.get(), caller.organizationId(), id, onlyCompleted, snapshot.maxNumber(), buffers)
                                                : brush.isPresent()
                                                ? brushBody(brush.get(), caller.organizationId(), id, onlyCompleted, snapshot.maxNumber(), buffers)
                                                : ner.isPresent()
                                                ? conllBody(ner.get(), caller.organizationId(), id, onlyCompleted, snapshot.maxNumber(), buffers)
                                                : body(f, caller.organizationId(), id, onlyCompleted, snapshot.maxNumber(), config, buffers);
                                        return ResponseEntity.ok()
                                                .contentType(mediaType(f))
                                                .cacheControl(CacheControl.noStore())
                                                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                                        .filename("project-" + id + "-" + STAMP.format(clock.instant()) + extension(f)).build().toString())
                                                .header("X-Task-Count", Long.toString(snapshot.taskCount()))
                                                .body(body);
                                    }));
                    });
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
            case COCO, YOLO, YOLO_OBB, VOC -> throw new IllegalArgumentException(f + " is written by visionBody");
            case CONLL2003 -> throw new IllegalArgumentException(f + " is written by conllBody");
            case BRUSH_PNG -> throw new IllegalArgumentException(f + " is written by brushBody");
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

    /** Brush masks as PNGs in a ZIP, sent as each page is written; decoding and deflate run on boundedElastic. */
    private Flux<DataBuffer> brushBody(BrushMasks masks, String org, String projectId, boolean onlyCompleted, long maxNumber,
                                       DataBufferFactory buffers) {
        return Flux.concat(exports.pages(org, projectId, onlyCompleted, maxNumber)
                                  .publishOn(Schedulers.boundedElastic())
                                  .map(page -> buffers.wrap(masks.page(page))),
                           Mono.fromSupplier(() -> buffers.wrap(masks.finish())));
    }

    /** CoNLL 2003 (ADR 0011): the header, then each task's token lines and a blank line, one buffer per page. */
    private Flux<DataBuffer> conllBody(NerTasks ner, String org, String projectId, boolean onlyCompleted, long maxNumber,
                                       DataBufferFactory buffers) {
        Flux<DataBuffer> pages = exports.pages(org, projectId, onlyCompleted, maxNumber).map(page -> {
            StringBuilder out = new StringBuilder();
            for (ExportQueries.ExportTask t : page) out.append(ner.conll(t));
            return buffer(buffers, out);
        });
        return Flux.concat(Mono.fromSupplier(() -> buffer(buffers, Conll2003.HEADER)), pages);
    }

    /**
     * COCO: images are sent page by page while their annotations are spooled to a temporary file, sent after the
     * images and deleted when the response ends (completed, failed or cancelled). YOLO/VOC: a ZIP whose bytes are sent
     * as each page is written. Pages are shaped on boundedElastic (file writes, deflate), never on the event loop.
     */
    private Flux<DataBuffer> visionBody(Format f, VisionTasks vision, String org, String projectId, boolean onlyCompleted,
                                        long maxNumber, DataBufferFactory buffers) {
        Flux<List<VisionTasks.ImageTask>> images = exports.pages(org, projectId, onlyCompleted, maxNumber)
                .publishOn(Schedulers.boundedElastic())
                .map(page -> page.stream().map(vision::image).toList());
        if (f == Format.COCO) {
            return Flux.using(AnnotationSpool::create, spool -> {
                CocoWriter coco = new CocoWriter(json, vision.categories());
                Flux<DataBuffer> imagePages = images.map(page -> {
                    spool.append(coco.annotations(page));
                    return buffer(buffers, coco.images(page));
                });
                return Flux.concat(
                        Mono.fromSupplier(() -> buffer(buffers, coco.head("LabelLedger project " + projectId, clock.instant().toString()))),
                        imagePages,
                        Mono.fromSupplier(() -> {
                            spool.close();
                            return buffer(buffers, coco.between());
                        }),
                        Flux.defer(() -> DataBufferUtils.read(spool.path(), buffers, 64 * 1024)),
                        Mono.fromSupplier(() -> buffer(buffers, coco.tail())));
            }, AnnotationSpool::delete);
        }
        DetectionArchive.Kind kind = switch (f) {
            case YOLO -> DetectionArchive.Kind.YOLO;
            case YOLO_OBB -> DetectionArchive.Kind.YOLO_OBB;
            default -> DetectionArchive.Kind.VOC;
        };
        return Flux.defer(() -> {
            DetectionArchive zip = new DetectionArchive(kind, vision.categories());
            return Flux.concat(Mono.fromSupplier(() -> buffers.wrap(zip.start())),
                               images.map(page -> buffers.wrap(zip.page(page))),
                               Mono.fromSupplier(() -> buffers.wrap(zip.finish())));
        });
    }

    /** A temporary file holding COCO annotation entries until the images are sent. */
    private record AnnotationSpool(Path path, Writer out) {
        static AnnotationSpool create() throws IOException {
            Path path = Files.createTempFile("labelledger-coco-", ".json");
            return new AnnotationSpool(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
        }

        void append(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void delete() {
            try {
                out.close();
            } catch (IOException ignored) {
                // deleting matters more
            }
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                path.toFile().deleteOnExit();
            }
        }
    }

    private static DataBuffer buffer(DataBufferFactory buffers, CharSequence text) {
        return buffers.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MediaType mediaType(Format f) {
        return switch (f) {
            case JSON, JSON_MIN -> MediaType.APPLICATION_JSON;
            case COCO -> MediaType.APPLICATION_JSON;
            case YOLO, YOLO_OBB, VOC, BRUSH_PNG -> new MediaType("application", "zip");
            case CSV -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case TSV -> new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8);
            case CONLL2003 -> new MediaType("text", "plain", StandardCharsets.UTF_8);
        };
    }

    private static String extension(Format f) {
        return switch (f) {
            case JSON -> ".json";
            case JSON_MIN -> "-min.json";
            case CSV -> ".csv";
            case TSV -> ".tsv";
            case COCO -> "-coco.json";
            case YOLO -> "-yolo.zip";
            case YOLO_OBB -> "-yolo-obb.zip";
            case VOC -> "-voc.zip";
            case CONLL2003 -> "-conll2003.conll";
            case BRUSH_PNG -> "-brush-png.zip";
        };
    }
}
