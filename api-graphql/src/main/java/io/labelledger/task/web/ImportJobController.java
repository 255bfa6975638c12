package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.shared.NotFound;
import io.labelledger.task.importing.ImportFormat;
import io.labelledger.task.jobs.ImportJob;
import io.labelledger.task.jobs.ImportJobFiles;
import io.labelledger.task.jobs.ImportJobProgress;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.jobs.ImportJobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Large imports as background jobs: {@code POST /api/projects/{id}/imports?format=JSON&mode=ALL_OR_NOTHING|SKIP_BAD}
 * with the file as the raw body or as the {@code file} part of a multipart form. The body is streamed to a file on
 * disk, never held in memory; a body over {@code labelledger.import.max-bytes} is refused with 413 FILE_TOO_LARGE,
 * before reading when it declares its length, else as soon as it passes the limit. Then the job is recorded, queued,
 * and answered with 202 and its id; a worker imports it (see {@link io.labelledger.task.jobs.ImportJobRunner}).
 * Same permission as the importTasks mutation; another organization's project is 404.
 */
@RestController
public class ImportJobController {
    /** Its row in rules.csv (the same values as importTasks). */
    static final String OPERATION = "POST /api/projects/{id}/imports";
    private final Authorization authorization;
    private final OrganizationLabelingConfigs configs;
    private final ImportJobStore jobs;
    private final ImportJobQueue queue;
    private final ImportJobFiles files;
    private final ImportJobProgress progress;
    private final ClientIp clientIp;
    private final Clock clock;
    private final long maxBytes;

    public ImportJobController(Authorization authorization, OrganizationLabelingConfigs configs, ImportJobStore jobs,
                               ImportJobQueue queue, ImportJobFiles files, ImportJobProgress progress, ClientIp clientIp,
                               Clock clock, @Value("${labelledger.import.max-bytes:1073741824}") long maxBytes) {
        this.authorization = authorization;
        this.configs = configs;
        this.jobs = jobs;
        this.queue = queue;
        this.files = files;
        this.progress = progress;
        this.clientIp = clientIp;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @PostMapping("/api/projects/{id}/imports")
    public Mono<ResponseEntity<Map<String, Object>>> upload(@PathVariable String id, @RequestParam(defaultValue = "JSON") String format,
                                                            @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode,
                                                            @RequestParam(required = false) String fileName, ServerWebExchange exchange) {
        ImportFormat f;
        ImportJob.Mode m;
        try {
            f = ImportFormat.valueOf(format);
            m = ImportJob.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION, "format or mode", "Unknown format or mode"));
        }
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) return Mono.just(tooLarge());
        if (!Ids.isUuid(id)) return Mono.just(notFound());
        String ip = clientIp.of(exchange);
        return exchange.getPrincipal()
                .flatMap(Caller::of)
                .flatMap(caller -> authorization.decide(caller, OPERATION, Map.of("id", id), ip)
                        .flatMap(allowed -> {
                            if (!allowed) return Mono.just(error(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, null, "Not allowed to import into this project"));
                            // the config comes from the project's events: a project created a moment ago is there already
                            return Mono.fromCallable(() -> configs.current(new ProjectId(id), new OrganizationId(caller.organizationId())))
                                       .subscribeOn(Schedulers.boundedElastic())
                                       .flatMap(config -> receive(id, f, m, fileName, caller, ip, exchange))
                                       .onErrorResume(NotFound.class, e -> Mono.just(notFound()));
                        }));
    }

    private Mono<ResponseEntity<Map<String, Object>>> receive(String projectId, ImportFormat format, ImportJob.Mode mode, String fileName,
                                                              Caller caller, String ip, ServerWebExchange exchange) {
        String jobId = UUID.randomUUID().toString();
        Path partial = files.partial(jobId);
        AtomicReference<String> name = new AtomicReference<>(fileName);
        AtomicLong size = new AtomicLong();
        Flux<DataBuffer> body = limited(content(exchange, name), size);
        return DataBufferUtils.write(body, partial)
                .then(Mono.fromCallable(() -> {
                    if (size.get() == 0) {
                        files.delete(jobId);
                        return error(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_IMPORT, "file", "The upload is empty");
                    }
                    Files.move(partial, files.of(jobId), StandardCopyOption.ATOMIC_MOVE);
                    ImportJob job = new ImportJob(jobId, caller.organizationId(), projectId, caller.userId(), format, mode,
                            ImportJob.State.QUEUED, trim(name.get()), size.get(), ip, 0, 0, 0, null, clock.instant(), null, null);
                    jobs.create(job);
                    queue.enqueue(jobId);
                    progress.changed(jobId, ImportJob.State.QUEUED);
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("id", jobId);
                    answer.put("state", job.state().name());
                    answer.put("fileBytes", job.fileBytes());
                    return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(answer);
                }).subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(TooLarge.class, e -> Mono.fromRunnable(() -> files.delete(jobId))
                        .subscribeOn(Schedulers.boundedElastic()).thenReturn(tooLarge()))
                // a multipart body that is not one (no boundary, cut off, bad headers): the client's error, not a 500
                .onErrorResume(org.springframework.core.codec.DecodingException.class, e -> Mono.fromRunnable(() -> deleteQuietly(jobId))
                        .subscribeOn(Schedulers.boundedElastic())
                        .thenReturn(error(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_IMPORT, "file", "The upload is not a valid multipart form")))
                .doOnCancel(() -> deleteQuietly(jobId))
                .onErrorResume(e -> !(e instanceof TooLarge) && !(e instanceof org.springframework.core.codec.DecodingException), e -> {
                    deleteQuietly(jobId);
                    return Mono.error(e);
                });
    }

    /** The file's bytes: the raw body, or the content of the multipart form's "file" part. */
    private static Flux<DataBuffer> content(ServerWebExchange exchange, AtomicReference<String> name) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) return exchange.getRequest().getBody();
        return new PartEventHttpMessageReader()
                .read(ResolvableType.forClass(PartEvent.class), exchange.getRequest(), Map.of())
                .concatMap(event -> {
                    if (event instanceof FilePartEvent file && "file".equals(file.name())) {
                        if (name.get() == null) name.set(file.filename());
                        return Flux.just(file.content());
                    }
                    DataBufferUtils.release(event.content());
                    return Flux.empty();
                });
    }

    /** Counts the bytes as they pass and fails as soon as the count passes the limit (chunked uploads declare none). */
    private Flux<DataBuffer> limited(Flux<DataBuffer> body, AtomicLong size) {
        return body.handle((buffer, sink) -> {
            if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
                DataBufferUtils.release(buffer);
                sink.error(new TooLarge());
            } else {
                sink.next(buffer);
            }
        });
    }

    private void deleteQuietly(String jobId) {
        try {
            files.delete(jobId);
        } catch (UncheckedIOException ignored) {
            // a leftover .part file is harmless; the next start of the directory does not read it
        }
    }

    private static String trim(String name) {
        if (name == null || name.isBlank()) return null;
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 300 ? base.substring(0, 300) : base;
    }

    private ResponseEntity<Map<String, Object>> tooLarge() {
        return error(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.FILE_TOO_LARGE, "file", "The file is larger than " + maxBytes + " bytes");
    }

    private static ResponseEntity<Map<String, Object>> notFound() {
        return error(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "projectId", "Project not found");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, ErrorCode code, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("field", field == null ? List.of() : List.of(field));
        error.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", List.of(error)));
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() { super(null, null, false, false); }
    }
}
