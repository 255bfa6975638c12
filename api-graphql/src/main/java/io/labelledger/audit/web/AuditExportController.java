package io.labelledger.audit.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.audit.api.AuditExported;
import io.labelledger.audit.read.AuditExportRow;
import io.labelledger.audit.read.AuditFilter;
import io.labelledger.audit.read.AuditPublicKey;
import io.labelledger.audit.read.AuditQueries;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.read.UserQueries;
import io.labelledger.identity.web.ClientIp;
import io.labelledger.shared.ErrorCode;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/audit/export}: the organization's audit log as a file (ADR 0051). {@code format=verification} (the
 * default): JSONL with a header (the installation's public key), every entry of the time range with its canonical form,
 * hash, previous hash and the event store's row exactly as stored, then the signed checkpoints over those entries;
 * what {@code audit verify} and docs/audit-verification.md check. {@code format=jsonl} and {@code csv}: the readable
 * columns for a SIEM, with the filters of the audit page (actor, action, object, address). Owners and Admins (the
 * rule of auditLog); the download is itself an entry of the log.
 */
@RestController
public class AuditExportController {
    static final String OPERATION = "GET /api/audit/export";
    public static final String FORMAT = "labelledger-audit-export/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int NAME_BATCH = 500;

    private final AuditQueries audit;
    private final UserQueries users;
    private final AuditPublicKey key;
    private final Authorization authorization;
    private final ClientIp clientIp;
    private final IdentityEvents events;
    private final Clock clock;

    public AuditExportController(AuditQueries audit, UserQueries users, AuditPublicKey key, Authorization authorization, ClientIp clientIp,
                                 IdentityEvents events, Clock clock) {
        this.audit = audit;
        this.users = users;
        this.key = key;
        this.authorization = authorization;
        this.clientIp = clientIp;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/api/audit/export")
    public Mono<ResponseEntity<Flux<DataBuffer>>> export(@RequestParam(defaultValue = "verification") String format,
                                                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                                         @RequestParam(required = false) String actorId, @RequestParam(required = false) String eventType,
                                                         @RequestParam(required = false) String objectId, @RequestParam(required = false) String clientIp,
                                                         ServerWebExchange exchange) {
        DataBufferFactory buffers = exchange.getResponse().bufferFactory();
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("verification", "jsonl", "csv").contains(f))
            return Mono.just(refused(ErrorCode.VALIDATION, "format", "format is verification, jsonl or csv", buffers));
        Instant fromAt, toAt;
        try {
            fromAt = from == null || from.isBlank() ? null : Instant.parse(from);
            toAt = to == null || to.isBlank() ? null : Instant.parse(to);
        } catch (DateTimeParseException e) {
            return Mono.just(refused(ErrorCode.VALIDATION, "from", "from and to are ISO-8601 instants (2026-12-07T10:00:00Z)", buffers));
        }
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt))
            return Mono.just(refused(ErrorCode.VALIDATION, "to", "to must be after from", buffers));
        // the verification export is the chain over the range, whole: other filters would leave gaps in it
        AuditFilter filter = f.equals("verification") ? new AuditFilter(null, null, null, fromAt, toAt, null)
                : AuditController.normalized(new AuditFilter(actorId, eventType, objectId, fromAt, toAt, clientIp));
        String ip = this.clientIp.of(exchange);
        return exchange.getPrincipal()
                .flatMap(Caller::of)
                .flatMap(caller -> authorization.decide(caller, OPERATION, Map.of(), ip).flatMap(allowed -> {
                    if (!allowed) return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).<Flux<DataBuffer>>build());
                    return events.publish(new AuditExported(caller.organization(), f, fromAt, toAt, caller.user()), caller.userId(),
                                    caller.organizationId(), ip)
                            .thenReturn(file(caller, f, filter, buffers));
                }))
                .defaultIfEmpty(ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
    }

    private ResponseEntity<Flux<DataBuffer>> file(Caller caller, String format, AuditFilter filter, DataBufferFactory buffers) {
        Flux<String> lines = switch (format) {
            case "verification" -> verification(caller.organizationId(), filter);
            case "csv" -> Flux.concat(Flux.just(CSV_HEADER), readable(caller.organizationId(), filter, AuditExportController::csv));
            default -> readable(caller.organizationId(), filter, AuditExportController::jsonl);
        };
        String name = "audit-" + caller.organizationId() + "-" + clock.instant().toString().replace(":", "") + switch (format) {
            case "csv" -> ".csv";
            case "jsonl" -> ".siem.jsonl";
            default -> ".jsonl";
        };
        return ResponseEntity.ok()
                .contentType(format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8) : new MediaType("application", "jsonl", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(lines.map(line -> buffers.wrap((line + "\n").getBytes(StandardCharsets.UTF_8))));
    }

    private Flux<String> verification(String organizationId, AuditFilter filter) {
        AtomicLong first = new AtomicLong(-1), last = new AtomicLong(-1);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kind", "header");
        header.put("format", FORMAT);
        header.put("organizationId", organizationId);
        header.put("from", filter.from() == null ? null : filter.from().toString());
        header.put("to", filter.to() == null ? null : filter.to().toString());
        header.put("exportedAt", clock.instant().toString());
        header.put("keyId", key.keyId());
        header.put("publicKey", key.pem());
        Flux<String> entries = audit.export(organizationId, filter).map(r -> {
            first.compareAndSet(-1, r.seq());
            last.set(r.seq());
            return JSON.writeValueAsString(entry(r));
        });
        Flux<String> checkpoints = Flux.defer(() -> first.get() < 0 ? Flux.empty()
                : audit.checkpoints(organizationId, first.get(), last.get()).map(c -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("kind", "checkpoint");
                    line.put("chain", c.chain());
                    line.put("seq", c.seq());
                    line.put("headHash", c.headHash());
                    line.put("signedAt", c.signedAt().toString());
                    line.put("message", c.message());
                    line.put("signature", c.signature());
                    line.put("keyId", c.keyId());
                    return JSON.writeValueAsString(line);
                }));
        return Flux.concat(Flux.just(JSON.writeValueAsString(header)), entries, checkpoints);
    }

    static Map<String, Object> entry(AuditExportRow r) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("globalIndex", r.globalIndex());
        event.put("aggregateId", r.aggregateId());
        event.put("aggregateSequence", r.aggregateSequence());
        event.put("aggregateType", r.aggregateType());
        event.put("eventId", r.eventId());
        event.put("payloadType", r.payloadType());
        event.put("payloadRevision", r.payloadRevision());
        event.put("timestamp", r.timestamp());
        event.put("payload", Base64.getEncoder().encodeToString(r.payload()));
        event.put("metadata", r.metadata() == null ? null : Base64.getEncoder().encodeToString(r.metadata()));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "entry");
        line.put("seq", r.seq());
        line.put("globalSeq", r.globalSeq());
        line.put("prevHash", r.prevHash());
        line.put("hash", r.hash());
        line.put("canonical", r.canonical());
        line.put("event", event);
        line.put("occurredAt", r.occurredAt().toString());
        line.put("eventType", r.eventType());
        line.put("actorId", r.actorId());
        line.put("clientIp", r.clientIp());
        line.put("objectLabel", r.objectLabel());
        line.put("summary", r.summary());
        return line;
    }

    private Flux<String> readable(String organizationId, AuditFilter filter, java.util.function.BiFunction<AuditExportRow, Map<String, String>, String> line) {
        return audit.export(organizationId, filter).buffer(NAME_BATCH).concatMap(batch -> {
            java.util.Set<String> ids = new java.util.HashSet<>();
            batch.forEach(r -> { if (r.actorId() != null) ids.add(r.actorId()); });
            return AuditPeople.names(users, batch.stream().map(AuditExportRow::summary).toList())
                    .zipWith(users.displayNames(ids), (inSummaries, actors) -> {
                        Map<String, String> names = new java.util.HashMap<>(inSummaries);
                        names.putAll(actors);
                        return names;
                    })
                    .flatMapMany(names -> Flux.fromIterable(batch).map(r -> line.apply(r, names)));
        });
    }

    static final String CSV_HEADER = "sequence,occurred_at,actor_id,actor,client_ip,action,object_id,object,summary,hash";

    private static String jsonl(AuditExportRow r, Map<String, String> names) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sequence", r.seq());
        line.put("occurredAt", r.occurredAt().toString());
        line.put("actorId", r.actorId());
        line.put("actor", r.actorId() == null ? null : names.getOrDefault(r.actorId(), "unknown person"));
        line.put("clientIp", r.clientIp());
        line.put("action", r.eventType());
        line.put("objectId", r.aggregateId());
        line.put("object", r.objectLabel());
        line.put("summary", r.summary() == null ? r.eventType() : AuditPeople.render(r.summary(), names));
        line.put("hash", r.hash());
        return JSON.writeValueAsString(line);
    }

    private static String csv(AuditExportRow r, Map<String, String> names) {
        return String.join(",", Long.toString(r.seq()), r.occurredAt().toString(), cell(r.actorId()),
                cell(r.actorId() == null ? null : names.getOrDefault(r.actorId(), "unknown person")), cell(r.clientIp()), cell(r.eventType()),
                cell(r.aggregateId()), cell(r.objectLabel()), cell(r.summary() == null ? r.eventType() : AuditPeople.render(r.summary(), names)),
                r.hash());
    }

    /** RFC 4180 quoting; a cell a spreadsheet would run as a formula starts with an apostrophe (ADR 0030). */
    static String cell(String value) {
        if (value == null) return "";
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return v.matches(".*[\",\\r\\n].*") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static ResponseEntity<Flux<DataBuffer>> refused(ErrorCode code, String field, String message, DataBufferFactory buffers) {
        byte[] body = JSON.writeValueAsBytes(Map.of("errors", List.of(UserError.of(code, field, message))));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(Flux.just(buffers.wrap(body)));
    }
}
