package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.shared.Ids;
import io.labelledger.task.jobs.ExportJob;
import io.labelledger.task.jobs.ExportJobFiles;
import io.labelledger.task.jobs.ExportJobStore;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GET /api/exports/{id}/download}: the finished file of an export job, streamed from disk. Same roles as the
 * export itself; another organization's job (or, for a Manager, someone else's) is 404, and so is a job not finished
 * yet (409 would say it exists). Only the renamed, whole file is ever served.
 */
@RestController
public class ExportDownloadController {
    /** Its row in rules.csv, decided in the job's project. */
    static final String OPERATION = "GET /api/exports/{id}/download";
    private final ExportJobStore jobs;
    private final ExportJobFiles files;
    private final io.labelledger.api.authorization.Authorization authorization;
    private final io.labelledger.identity.web.ClientIp clientIp;

    public ExportDownloadController(ExportJobStore jobs, ExportJobFiles files, io.labelledger.api.authorization.Authorization authorization,
                                    io.labelledger.identity.web.ClientIp clientIp) {
        this.jobs = jobs;
        this.files = files;
        this.authorization = authorization;
        this.clientIp = clientIp;
    }

    @GetMapping("/api/exports/{id}/download")
    public Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String id, ServerWebExchange exchange) {
        if (!Ids.isUuid(id)) return Mono.just(ResponseEntity.notFound().build());
        return exchange.getPrincipal()
                .flatMap(Caller::of)
                .flatMap(caller -> Mono.fromCallable(() -> jobs.get(caller.organizationId(), id, null))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(found -> {
                            String ip = clientIp.of(exchange);
                            // no such job in the organization: refused for roles that may never download, else not found
                            if (found.isEmpty()) return authorization.decide(caller, OPERATION, java.util.Map.of(), ip)
                                    .map(allowed -> allowed ? ResponseEntity.notFound().<Flux<DataBuffer>>build()
                                            : ResponseEntity.status(HttpStatus.FORBIDDEN).<Flux<DataBuffer>>build());
                            ExportJob job = found.get();
                            // the policy decides in the job's project: whoever may no longer export from it may not download either
                            return authorization.decide(caller, OPERATION, java.util.Map.of("projectId", job.projectId()), ip)
                                    .map(allowed -> {
                                        if (!allowed) return ResponseEntity.status(HttpStatus.FORBIDDEN).<Flux<DataBuffer>>build();
                                        String owner = ExportJobController.ownerFilter(caller); // Managers: their own jobs only
                                        boolean theirs = owner == null || owner.equals(job.userId());
                                        return theirs && job.state() == ExportJob.State.COMPLETED && Files.isRegularFile(files.done(id))
                                                ? file(job, files.done(id)) : ResponseEntity.notFound().<Flux<DataBuffer>>build();
                                    });
                        }))
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }

    private static ResponseEntity<Flux<DataBuffer>> file(ExportJob job, Path path) {
        return ResponseEntity.ok()
                .contentType(job.format().mediaType())
                .contentLength(job.fileBytes() == null ? -1 : job.fileBytes())
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(job.fileName()).build().toString())
                .header("X-Task-Count", Long.toString(job.writtenTasks()))
                .body(DataBufferUtils.read(path, DefaultDataBufferFactory.sharedInstance, 64 * 1024));
    }
}
