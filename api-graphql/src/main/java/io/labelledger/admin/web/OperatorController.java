package io.labelledger.admin.web;

import io.labelledger.projection.Projection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance operator's endpoints (ADR 0029), reached only with the operator token ({@link OperatorSecurity}):
 * read models are shared by every organization, so rebuilding one is never an organization role's act.
 * {@code scripts/operator.sh} calls them.
 */
@RestController
public class OperatorController {
    private final ProjectionRebuilds rebuilds;

    public OperatorController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping("/api/operator/projections")
    public List<Map<String, Object>> projections() {
        return Arrays.stream(Projection.values()).map(this::view).toList();
    }

    /** 202 queued; 409 CONFLICT when this projection's rebuild is queued or running; 404 for an unknown name. */
    @PostMapping("/api/operator/projections/{name}/rebuild")
    public Mono<ResponseEntity<Map<String, Object>>> rebuild(@PathVariable String name) {
        Projection projection = Arrays.stream(Projection.values()).filter(p -> p.name().equals(name)).findFirst().orElse(null);
        if (projection == null) return Mono.just(error(HttpStatus.NOT_FOUND, "NOT_FOUND", "No projection " + name));
        return Mono.fromCallable(() -> rebuilds.rebuild(projection)).subscribeOn(Schedulers.boundedElastic())
                   .map(started -> started ? ResponseEntity.status(HttpStatus.ACCEPTED).body(view(projection))
                           : error(HttpStatus.CONFLICT, "CONFLICT", "A rebuild of " + name + " is queued or running"));
    }

    private Map<String, Object> view(Projection p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", p.name());
        v.put("processingGroup", p.processingGroup());
        v.put("state", rebuilds.state(p).name());
        return v;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("field", List.of());
        error.put("message", message);
        return ResponseEntity.status(status).body(Map.of("errors", List.of(error)));
    }
}
