package io.labelledger.audit.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Connection;
import io.labelledger.api.Json;
import io.labelledger.audit.read.AuditEntryView;
import io.labelledger.audit.read.AuditFilter;
import io.labelledger.audit.read.AuditPublicKey;
import io.labelledger.audit.read.AuditQueries;
import io.labelledger.identity.read.UserQueries;
import io.labelledger.identity.read.UserView;
import io.labelledger.shared.IpAddresses;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

@Controller
public class AuditController {
    private final AuditQueries audit;
    private final UserQueries users;
    private final Json json;
    private final AuditPublicKey key;

    public AuditController(AuditQueries audit, UserQueries users, Json json, AuditPublicKey key) {
        this.audit = audit;
        this.users = users;
        this.json = json;
        this.key = key;
    }

    @QueryMapping
    public Mono<Connection.Page<AuditEntryView>> auditLog(@Argument AuditFilter filter, @Argument Integer first,
                                                          @Argument String after, @ContextValue Caller caller) {
        int limit = Connection.size(first);
        Long before = after == null ? null : parseSequence(after);
        return audit.page(caller.organizationId(), normalized(filter), limit + 1, before).collectList()
                    .map(rows -> Connection.of(rows, limit, e -> Long.toString(e.seq()), null));
    }

    /** The filter with its address in the log's one form. */
    static AuditFilter normalized(AuditFilter f) {
        if (f == null) return AuditFilter.NONE;
        return new AuditFilter(blank(f.actorId()), blank(f.eventType()), blank(f.aggregateId()), f.from(), f.to(), IpAddresses.normalize(f.clientIp()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public record AuditChainView(long headSequence, String headHash, Long verifiedUpTo, Instant signedAt, String keyId, String publicKeyPem) {}

    @QueryMapping
    public Mono<AuditChainView> auditChain(@ContextValue Caller caller) {
        return audit.status(caller.organizationId())
                    .map(s -> new AuditChainView(s.headSeq(), s.headHash(), s.signedSeq(), s.signedAt(), key.keyId(), key.pem()));
    }

    @SchemaMapping(typeName = "AuditEntry")
    public String id(AuditEntryView e) { return e.eventId(); }

    @SchemaMapping(typeName = "AuditEntry")
    public long sequence(AuditEntryView e) { return e.seq(); }

    @SchemaMapping(typeName = "AuditEntry")
    public Object payload(AuditEntryView e) { return json.parse(e.payload()); }

    @BatchMapping(typeName = "AuditEntry", field = "actor")
    public Mono<Map<AuditEntryView, UserView>> actor(List<AuditEntryView> entries) {
        return users.people(entries.stream().map(AuditEntryView::actorId).filter(Objects::nonNull).collect(Collectors.toSet()))
                    .map(people -> entries.stream().filter(e -> e.actorId() != null).distinct()
                            .collect(Collectors.toMap(Function.identity(), e -> people.get(e.actorId()))));
    }

    /** The summaries with people's current names in place of their ids, one query for the page. */
    @BatchMapping(typeName = "AuditEntry", field = "summary")
    public Mono<Map<AuditEntryView, String>> summary(List<AuditEntryView> entries) {
        return AuditPeople.names(users, entries.stream().map(AuditEntryView::summary).toList())
                          .map(names -> entries.stream().distinct().collect(Collectors.toMap(Function.identity(),
                                  e -> AuditPeople.render(e.summary() == null ? e.eventType() : e.summary(), names))));
    }

    private static Long parseSequence(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid cursor");
        }
    }
}
