package io.labelledger.integration.media;

import io.labelledger.api.Caller;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.CacheControl;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The storage proxy, {@code GET /api/projects/{id}/media?url=...} (ADR 0019): streams a media URL of the project's
 * task data through the server, only when the project allows it and only from public addresses. Whoever may read
 * the project (rule of {@code Query.project}) may use it; another organization's project is NOT_FOUND.
 */
@RestController
public class MediaProxyController {
    /** Content types passed on as they are; text is sent as plain text, anything else as an opaque download. */
    private static final Set<String> PASSED_TYPES = Set.of("image", "audio", "video");

    private final Authorization authorization;
    private final ProjectQueries projects;
    private final MediaFetcher fetcher;
    private final JsonMapper json;
    private final io.labelledger.identity.web.ClientIp clientIp;

    /** Its row in rules.csv (the same values as Query.project). */
    static final String OPERATION = "GET /api/projects/{id}/media";

    public MediaProxyController(Authorization authorization, ProjectQueries projects, MediaFetcher fetcher, JsonMapper json,
                                io.labelledger.identity.web.ClientIp clientIp) {
        this.clientIp = clientIp;
        this.json = json;
        this.authorization = authorization;
        this.projects = projects;
        this.fetcher = fetcher;
    }

    @GetMapping("/api/projects/{id}/media")
    public Mono<ResponseEntity<Flux<DataBuffer>>> media(@PathVariable String id, @RequestParam(required = false) String url,
                                                        ServerWebExchange exchange) {
        DataBufferFactory buffers = exchange.getResponse().bufferFactory();
        if (!Ids.isUuid(id)) return Mono.just(error(buffers, HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "projectId", "Project not found"));
        return exchange.getPrincipal()
                .flatMap(Caller::of)
                .flatMap(caller -> authorization.decide(caller, OPERATION, Map.of("id", id), clientIp.of(exchange)).flatMap(allowed -> {
                    if (!allowed) return Mono.just(error(buffers, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, null, "Not allowed to read this project"));
                    return projects.get(caller.organizationId(), id)
                            .flatMap(project -> project.mediaProxy() ? proxy(url, buffers)
                                    : Mono.just(error(buffers, HttpStatus.FORBIDDEN, ErrorCode.MEDIA_PROXY_OFF, null,
                                                      "This project does not let the server fetch task URLs")))
                            .defaultIfEmpty(error(buffers, HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "projectId", "Project not found"));
                }))
                .defaultIfEmpty(error(buffers, HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "projectId", "Project not found"));
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> proxy(String url, DataBufferFactory buffers) {
        MediaUrl target;
        try {
            target = MediaUrl.parse(url);
        } catch (MediaUrl.Refused e) {
            return Mono.just(error(buffers, HttpStatus.BAD_REQUEST, ErrorCode.URL_REFUSED, "url", e.getMessage()));
        }
        return fetcher.fetch(target)
                .map(fetched -> {
                    ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                            .header("X-Content-Type-Options", "nosniff")
                            // the bytes come from elsewhere: never let them run as a page of this origin
                            .header("Content-Security-Policy", "default-src 'none'; sandbox");
                    MediaType type = fetched.contentType();
                    if (type != null && PASSED_TYPES.contains(type.getType()) && !type.getSubtype().contains("svg")) {
                        ok.contentType(type);
                    } else if (type != null && type.getType().equals("text")) {
                        ok.contentType(type.getCharset() == null ? MediaType.TEXT_PLAIN : new MediaType(MediaType.TEXT_PLAIN, type.getCharset()));
                    } else {
                        ok.contentType(MediaType.APPLICATION_OCTET_STREAM).header(HttpHeaders.CONTENT_DISPOSITION, "attachment");
                    }
                    if (fetched.contentLength() >= 0) ok.contentLength(fetched.contentLength());
                    return ok.body(fetched.body());
                })
                .onErrorResume(MediaUrl.Refused.class, e -> Mono.just(error(buffers, HttpStatus.BAD_REQUEST, ErrorCode.URL_REFUSED, "url", e.getMessage())))
                .onErrorResume(MediaFetcher.TooLarge.class, e -> Mono.just(error(buffers, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.FILE_TOO_LARGE, "url", e.getMessage())))
                .onErrorResume(PinnedAddress.Unreachable.class, e -> Mono.just(error(buffers, HttpStatus.BAD_GATEWAY, ErrorCode.UNAVAILABLE, "url", e.getMessage())));
    }

    private ResponseEntity<Flux<DataBuffer>> error(DataBufferFactory buffers, HttpStatus status, ErrorCode code, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("field", field == null ? List.of() : List.of(field));
        error.put("message", message);
        byte[] body = json.writeValueAsBytes(Map.of("errors", List.of(error)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                             .body(Flux.defer(() -> Flux.just(buffers.wrap(body))));
    }
}
