package io.labelledger.integration.labelstudio;

import io.labelledger.organization.read.MemberQueries;
import io.labelledger.organization.read.MemberView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Label Studio's user endpoints (ADR 0050): the caller ({@code current-user}, {@code current-user/whoami}), the
 * organization's members ({@code users}, decided like GraphQL's members), and {@code version}, which the legacy SDK
 * reads when it connects.
 */
@RestController
public class LabelStudioUserController {
    static final String CURRENT = "GET /ls/api/current-user";
    static final String WHOAMI = "GET /ls/api/current-user/whoami";
    static final String USERS = "GET /ls/api/users";
    static final String VERSION = "GET /ls/api/version";
    /** The Label Studio release whose REST API this one follows (docs/label-studio-rest-api.md). */
    static final String RELEASE = "1.13.1";

    private final LabelStudioApi api;
    private final MemberQueries members;

    public LabelStudioUserController(LabelStudioApi api, MemberQueries members) {
        this.api = api;
        this.members = members;
    }

    @GetMapping("/ls/api/current-user")
    public Mono<ResponseEntity<Object>> currentUser(ServerWebExchange exchange) {
        return me(exchange, CURRENT);
    }

    @GetMapping("/ls/api/current-user/whoami")
    public Mono<ResponseEntity<Object>> whoami(ServerWebExchange exchange) {
        return me(exchange, WHOAMI);
    }

    private Mono<ResponseEntity<Object>> me(ServerWebExchange exchange, String operation) {
        return api.call(exchange).flatMap(call -> api.decide(call, operation, null, c -> Mono.zip(
                        api.ids().userIntIds(List.of(c.caller().userId())),
                        members.member(c.organizationId(), c.caller().userId()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(t -> LabelStudioApi.ok(LabelStudioViews.user(t.getT1().get(c.caller().userId()), c.caller().email(), c.caller().displayName(),
                        t.getT2().map(MemberView::lastLoginAt).orElse(null), t.getT2().map(MemberView::joinedAt).orElse(null))))));
    }

    @GetMapping("/ls/api/users")
    public Mono<ResponseEntity<Object>> users(ServerWebExchange exchange) {
        return api.call(exchange).flatMap(call -> api.decide(call, USERS, null, c -> members.members(c.organizationId())
                .filter(MemberView::active)
                .collectList()
                .flatMap(list -> api.ids().userIntIds(list.stream().map(MemberView::userId).toList()).map(numbers -> {
                    List<Object> out = list.stream().<Object>map(m -> LabelStudioViews.user(numbers.get(m.userId()), m.email(), m.displayName(),
                            m.lastLoginAt(), m.joinedAt())).toList();
                    return LabelStudioApi.ok(out);
                }))));
    }

    /** The legacy SDK's {@code check_connection}: no credentials needed, nothing about the installation told. */
    @GetMapping("/ls/health")
    public Map<String, Object> health() {
        return Map.of("status", "UP");
    }

    @GetMapping("/ls/api/version")
    public Mono<ResponseEntity<Object>> version(ServerWebExchange exchange) {
        return api.call(exchange).flatMap(call -> api.decide(call, VERSION, null, c -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("release", RELEASE);
            body.put("label-studio-os-package", Map.of("version", RELEASE));
            body.put("labelledger", Map.of("api", "label-studio-compatible"));
            return Mono.just(LabelStudioApi.ok(body));
        }));
    }
}
