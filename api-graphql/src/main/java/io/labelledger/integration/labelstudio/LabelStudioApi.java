package io.labelledger.integration.labelstudio;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.read.IntIdQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every endpoint of Label Studio's REST API shares (ADR 0050): the caller from the principal (organization never
 * from input), integer ids resolved within the caller's organization, the one policy ({@link Authorization}, a row
 * per endpoint in rules.csv, decided after the object is resolved, so another organization's number is 404 like a
 * number that names nothing), and Label Studio's error shapes: {@code {"detail": ...}} with its status codes, and a
 * validation error as {@code {"status_code": 400, "detail": "Validation error", "validation_errors": {field: [message]}}}.
 */
@Component
public class LabelStudioApi {
    static final String NOT_FOUND = "Not found.";
    static final String FORBIDDEN = "You do not have permission to perform this action.";

    private final Authorization authorization;
    private final ClientIp clientIp;
    private final IntIdQueries ids;

    public LabelStudioApi(Authorization authorization, ClientIp clientIp, IntIdQueries ids) {
        this.authorization = authorization;
        this.clientIp = clientIp;
        this.ids = ids;
    }

    /** The request's caller, its address, and what it may ask for. */
    public record Call(Caller caller, String ip) {
        public String organizationId() { return caller.organizationId(); }
    }

    public Mono<Call> call(ServerWebExchange exchange) {
        String ip = clientIp.of(exchange);
        return exchange.getPrincipal().flatMap(Caller::of).map(c -> new Call(c, ip));
    }

    /**
     * Runs {@code then} when the caller may perform {@code operation} on the project {@code projectId} (null: an
     * operation without a project); answers 403 otherwise (the refusal is audited by the policy).
     */
    public Mono<ResponseEntity<Object>> decide(Call call, String operation, String projectId,
                                               Function<Call, Mono<ResponseEntity<Object>>> then) {
        Map<String, Object> arguments = projectId == null ? Map.of() : Map.of("id", projectId);
        return authorization.decide(call.caller(), operation, arguments, call.ip())
                            .flatMap(allowed -> allowed ? then.apply(call) : Mono.just(detail(HttpStatus.FORBIDDEN, FORBIDDEN)));
    }

    /** For list endpoints: whether the caller sees every project of the organization or only their own. */
    public boolean seesAllProjects(Call call, String operation) {
        return authorization.seesAllProjects(call.caller(), operation);
    }

    /** The id an integer names in the caller's organization (empty: not found). */
    public Mono<String> resolve(Call call, IntIdQueries.Kind kind, long intId) {
        return ids.idOf(kind, call.organizationId(), intId);
    }

    public IntIdQueries ids() { return ids; }

    /** A path variable that should be an integer id; null when it is not one (answered 404, as Label Studio does). */
    static Long intOf(String value) {
        if (value == null || value.isEmpty() || value.length() > 18) return null;
        for (int i = 0; i < value.length(); i++) if (!Character.isDigit(value.charAt(i))) return null;
        return Long.parseLong(value);
    }

    /** Bodies are written here with Jackson 3 (the JSON of tasks and results is Jackson 3 trees). */
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
    }

    /**
     * An answer whose body is bytes (a file) in the type WebFlux writes as they are: a JSON answer's text as one
     * buffer, a streamed file unchanged. Declared {@code Object}, a {@code Flux<DataBuffer>} would be encoded as JSON.
     */
    static ResponseEntity<reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer>> buffers(
            ResponseEntity<Object> answer, org.springframework.core.io.buffer.DataBufferFactory factory) {
        Object body = answer.getBody();
        reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> bytes;
        if (body == null) bytes = reactor.core.publisher.Flux.empty();
        else if (body instanceof reactor.core.publisher.Flux<?> flux) {
            @SuppressWarnings("unchecked")
            reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> file =
                    (reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer>) flux;
            bytes = file;
        } else {
            bytes = reactor.core.publisher.Flux.just(factory.wrap(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(bytes);
    }

    /**
     * A JSON body a client may send or not (a DELETE's optional confirmation): empty without one; no content type
     * required, unlike {@code @RequestBody}, which answers 415 to a DELETE without a body's type.
     */
    static Mono<java.util.Optional<tools.jackson.databind.JsonNode>> optionalJson(ServerWebExchange exchange) {
        return org.springframework.core.io.buffer.DataBufferUtils.join(exchange.getRequest().getBody())
                .map(buffer -> {
                    String text = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    return text;
                })
                .filter(text -> !text.isBlank())
                .map(text -> java.util.Optional.of(JSON.readTree(text)))
                .defaultIfEmpty(java.util.Optional.empty());
    }

    static ResponseEntity<Object> detail(HttpStatus status, String detail) {
        return json(status, Map.of("detail", detail));
    }

    static ResponseEntity<Object> notFound() {
        return detail(HttpStatus.NOT_FOUND, NOT_FOUND);
    }

    static ResponseEntity<Object> ok(Object body) {
        return json(HttpStatus.OK, body);
    }

    static ResponseEntity<Object> created(Object body) {
        return json(HttpStatus.CREATED, body);
    }

    /** Validation errors per field, in Label Studio's shape (400). */
    static ResponseEntity<Object> invalid(Map<String, List<String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status_code", 400);
        body.put("detail", "Validation error");
        body.put("validation_errors", errors);
        return json(HttpStatus.BAD_REQUEST, body);
    }

    static ResponseEntity<Object> invalid(String field, String message) {
        return invalid(Map.of(field, List.of(message)));
    }

    /**
     * A refusal of our commands in Label Studio's shape: validation errors per field (named as Label Studio names
     * them, through {@code fieldNames}) with 400, "not found" 404, "forbidden" 403, a conflict 409, busy 503.
     */
    static ResponseEntity<Object> refused(UserError error, Map<String, String> fieldNames) {
        ErrorCode code = error.code();
        return switch (code) {
            case NOT_FOUND -> notFound();
            // past the policy, refused by the object's own rule: the code says which (only the author changes an annotation)
            case FORBIDDEN, NOT_AUTHOR, PAUSED -> json(HttpStatus.FORBIDDEN, Map.of("detail", error.message(), "code", code.name()));
            case CONFLICT, ALREADY_ANNOTATED, TASK_FULL, ALREADY_RESERVED, LAST_OWNER -> detail(HttpStatus.CONFLICT, error.message());
            case RATE_LIMITED -> detail(HttpStatus.TOO_MANY_REQUESTS, error.message());
            case UNAVAILABLE -> detail(HttpStatus.SERVICE_UNAVAILABLE, error.message());
            case FILE_TOO_LARGE -> detail(HttpStatus.CONTENT_TOO_LARGE, error.message());
            default -> {
                String field = error.field() == null || error.field().isEmpty() ? "non_field_errors" : error.field().getFirst();
                yield invalid(Map.of(fieldNames.getOrDefault(field, field), List.of(error.message())));
            }
        };
    }
}
