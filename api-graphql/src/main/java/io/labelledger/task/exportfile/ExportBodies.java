package io.labelledger.task.exportfile;

import io.labelledger.project.config.LabelingConfig;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes a project's tasks in one of Label Studio's export shapes from pages of tasks, buffer by buffer: the
 * synchronous download streams the buffers to the client, an export job to a file. Both hold one page at a time.
 */
public class ExportBodies {
    private final ExportQueries exports;
    private final LabelStudioExport shapes;
    private final JsonMapper json;
    private final Clock clock;

    public ExportBodies(ExportQueries exports, LabelStudioExport shapes, JsonMapper json, Clock clock) {
        this.exports = exports;
        this.shapes = shapes;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Whether the project's labeling config can be written in {@code f} (vision formats need images, CoNLL needs NER,
     * brush masks need BrushLabels on an Image).
     */
    public boolean fits(ExportFormat f, LabelingConfig config) {
        if (f.vision()) return VisionTasks.of(config, json).isPresent();
        if (f == ExportFormat.CONLL2003) return NerTasks.of(config, json).isPresent();
        if (f == ExportFormat.BRUSH_PNG) return BrushMasks.of(config, json).isPresent();
        return true;
    }

    /**
     * The file's bytes; empty when the format does not fit the project (see {@link #fits}). CSV/TSV cells that a
     * spreadsheet would run as formulas are neutralized unless {@code rawValues} (ADR 0030).
     */
    public Optional<Flux<DataBuffer>> body(ExportFormat f, boolean rawValues, LabelingConfig config, String org, String projectId,
                                           Flux<List<ExportQueries.ExportTask>> pages, DataBufferFactory buffers) {
        if (f.vision()) return VisionTasks.of(config, json).map(v -> visionBody(f, v, projectId, pages, buffers));
        if (f == ExportFormat.CONLL2003) return NerTasks.of(config, json).map(ner -> conllBody(ner, pages, buffers));
        if (f == ExportFormat.BRUSH_PNG) return BrushMasks.of(config, json).map(masks -> brushBody(masks, pages, buffers));
        // the text formats name people: their emails are read now, page by page (ADR 0030)
        return Optional.of(body(f, rawValues, org, projectId, pages.concatMap(page -> exports.withPeople(org, page)), config, buffers));
    }

    /** Brush masks as PNGs in a ZIP, sent as each page is written; decoding and deflate run on boundedElastic. */
    private Flux<DataBuffer> brushBody(BrushMasks masks, Flux<List<ExportQueries.ExportTask>> pages, DataBufferFactory buffers) {
        return Flux.concat(pages.publishOn(Schedulers.boundedElastic()).map(page -> buffers.wrap(masks.page(page))),
                           Mono.fromSupplier(() -> buffers.wrap(masks.finish())));
    }

    private Flux<DataBuffer> body(ExportFormat f, boolean rawValues, String org, String projectId, Flux<List<ExportQueries.ExportTask>> pages,
                                  LabelingConfig config, DataBufferFactory buffers) {
        return switch (f) {
            case JSON, JSON_MIN -> {
                AtomicBoolean first = new AtomicBoolean(true);
                Flux<DataBuffer> items = pages.map(page -> {
                    StringBuilder out = new StringBuilder();
                    for (ExportQueries.ExportTask t : page) {
                        List<ObjectNode> nodes = f == ExportFormat.JSON ? List.of(shapes.task(t)) : shapes.rows(t, config);
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
                CSVFormat csv = f == ExportFormat.CSV ? CSVFormat.RFC4180 : CSVFormat.RFC4180.builder().setDelimiter('\t').get();
                yield exports.dataKeys(org, projectId).collectList().flatMapMany(keys -> {
                    List<String> columns = LabelStudioExport.columns(keys, config);
                    Flux<DataBuffer> rows = pages.map(page -> {
                        StringBuilder out = new StringBuilder();
                        try (CSVPrinter printer = new CSVPrinter(out, csv)) {
                            for (ExportQueries.ExportTask t : page) {
                                for (ObjectNode row : shapes.rows(t, config)) {
                                    printer.printRecord(columns.stream().map(c -> shapes.cell(row, c, rawValues)));
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e); // a StringBuilder does not fail
                        }
                        return buffer(buffers, out);
                    });
                    StringBuilder header = new StringBuilder();
                    try (CSVPrinter printer = new CSVPrinter(header, csv)) {
                        printer.printRecord(rawValues ? columns : columns.stream().map(LabelStudioExport::neutralized).toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Flux.concat(Mono.just(buffer(buffers, header)), rows);
                });
            }
        };
    }

    /** CoNLL 2003 (ADR 0011): the header, then each task's token lines and a blank line, one buffer per page. */
    private Flux<DataBuffer> conllBody(NerTasks ner, Flux<List<ExportQueries.ExportTask>> tasks, DataBufferFactory buffers) {
        Flux<DataBuffer> pages = tasks.map(page -> {
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
    private Flux<DataBuffer> visionBody(ExportFormat f, VisionTasks vision, String projectId, Flux<List<ExportQueries.ExportTask>> pages,
                                        DataBufferFactory buffers) {
        Flux<List<VisionTasks.ImageTask>> images = pages
                .publishOn(Schedulers.boundedElastic())
                .map(page -> page.stream().map(vision::image).toList());
        if (f == ExportFormat.COCO) {
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
}
