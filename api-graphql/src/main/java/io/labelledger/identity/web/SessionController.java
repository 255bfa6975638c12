package io.labelledger.identity.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.identity.account.OrganizationSessions;
import io.labelledger.shared.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A signed-in person who belongs to several organizations: the browser session acts in one at a time. Switch to
 * another one they are an active member of, or join another organization through an invitation link with the account
 * they already have ({@link OrganizationSessions} decides; this checks the endpoint's rule and moves the session).
 * Sessions only: an API token belongs to one organization.
 */
@RestController
@RequestMapping("/api/session")
public class SessionController {
    private final OrganizationSessions organizations;
    private final Sessions sessions;
    private final ClientIp clientIp;
    private final Authorization authorization;

    public SessionController(OrganizationSessions organizations, Sessions sessions, ClientIp clientIp, Authorization authorization) {
        this.organizations = organizations;
        this.sessions = sessions;
        this.clientIp = clientIp;
        this.authorization = authorization;
    }

    public record SwitchTo(String organizationId) {}

    public record Join(String token) {}

    /**
     * Moves the session into another organization the person is an active member of. A session bound to the
     * organization whose IdP or directory vouched for the person (docs/adr/0026) stays there: 403, and an audit entry.
     */
    @PostMapping("/organization")
    public Mono<ResponseEntity<Object>> switchOrganization(@RequestBody SwitchTo in, ServerWebExchange exchange) {
        return move("POST /api/session/organization", exchange,
                (caller, boundTo) -> organizations.switchTo(caller.actor(), boundTo, in.organizationId(), clientIp.of(exchange)));
    }

    @PostMapping("/invitation")
    public Mono<ResponseEntity<Object>> acceptInvitation(@RequestBody Join in, ServerWebExchange exchange) {
        return move("POST /api/session/invitation", exchange,
                (caller, boundTo) -> organizations.join(caller.actor(), boundTo, in.token(), clientIp.of(exchange)));
    }

    /** The endpoint's row in rules.csv decides first, as for every REST endpoint; then the service; then the session moves. */
    private Mono<ResponseEntity<Object>> move(String operation, ServerWebExchange exchange,
                                              java.util.function.BiFunction<Caller, Optional<String>, Mono<OrganizationSessions.Result>> decide) {
        return sessionCaller(exchange).flatMap(caller -> authorization.decide(caller, operation, Map.of(), clientIp.of(exchange)).flatMap(ok -> !ok
                        ? errors(HttpStatus.FORBIDDEN, UserError.of(ErrorCode.FORBIDDEN, null, "Your role does not allow this"))
                        : Sessions.authOrganization(exchange).map(Optional::of).defaultIfEmpty(Optional.empty())
                                  .flatMap(boundTo -> decide.apply(caller, boundTo))
                                  .flatMap(answer(exchange))))
                .switchIfEmpty(Mono.defer(() -> errors(HttpStatus.UNAUTHORIZED, UserError.of(ErrorCode.FORBIDDEN, null, "Sign in with your account first"))));
    }

    private Function<OrganizationSessions.Result, Mono<ResponseEntity<Object>>> answer(ServerWebExchange exchange) {
        return result -> switch (result) {
            case OrganizationSessions.Moved(var next) -> sessions.start(Caller.from(next), exchange)
                    .thenReturn(ResponseEntity.ok((Object) new SessionView(next.userId(), next.organizationId())));
            case OrganizationSessions.Refused(HttpStatus status, var refusal) -> errors(status, UserError.of(refusal));
        };
    }

    /** The caller of a cookie session; empty for API tokens (they belong to one organization) and anonymous requests. */
    private static Mono<Caller> sessionCaller(ServerWebExchange exchange) {
        if (exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null) return Mono.empty();
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(c -> c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof Caller caller
                        ? Mono.just(caller) : Mono.empty());
    }

    private static Mono<ResponseEntity<Object>> errors(HttpStatus status, UserError error) {
        return Mono.just(ResponseEntity.status(status).body(new Errors(List.of(error))));
    }
}
