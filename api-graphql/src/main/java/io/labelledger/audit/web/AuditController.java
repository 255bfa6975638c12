package io.labelledger.audit.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Connection;
import io.labelledger.api.Json;
import io.labelledger.audit.read.AuditEntryView;
import io.labelledger.audit.read.AuditFilter;
import io.labelledger.audit.read.AuditQueries;
import io.labelledger.identity.read.UserQueries;
import io.labelledger.identity.read.UserView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

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

    public AuditController(AuditQueries audit, UserQueries users, Json json) {
        this.audit = audit;
        this.users = users;
        this.json = json;
    }

    @QueryMapping
    public Mono<Connection.Page<AuditEntryView>> auditLog(@Argument AuditFilter filter, @Argument Integer first,
                                                          @Argument String after, @ContextValue Caller caller) {
        int limit = Connection.size(first);
        Long before = after == null ? null : parsePosition(after);
        return audit.page(caller.organizationId(), filter == null ? AuditFilter.NONE : filter, limit + 1, before).collectList()
                    .map(rows -> Connection.of(rows, limit, e -> Long.toString(e.position()), null));
    }

    @SchemaMapping(typeName = "AuditEntry")
    public String id(AuditEntryView e) { return e.eventId(); }

    @SchemaMapping(typeName = "AuditEntry")
    public Object payload(AuditEntryView e) { return json.parse(e.payload()); }

    @BatchMapping(typeName = "AuditEntry", field = "actor")
    public Mono<Map<AuditEntryView, UserView>> actor(List<AuditEntryView> entries) {
        return users.people(entries.stream().map(AuditEntryView::actorId).filter(Objects::nonNull).collect(Collectors.toSet()))
                    .map(people -> entries.stream().filter(e -> e.actorId() != null).distinct()
                            .collect(Collectors.toMap(Function.identity(), e -> people.get(e.actorId()))));
    }

    private static Long parsePosition(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid cursor");
        }
    }
}
