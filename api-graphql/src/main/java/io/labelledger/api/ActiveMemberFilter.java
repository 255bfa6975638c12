package io.labelledger.api;

import io.labelledger.identity.account.Principals;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Refreshes the principal of every API request from the directory: a session or token of a deactivated member is
 * refused at once (HTTP 401, the session invalidated), and a changed role applies to the very next request.
 * Browser sessions also follow their organization's session policy: signed out after the idle timeout or the maximum
 * session length (API tokens are not sessions and are revoked instead). Runs right after authentication; sign-in
 * endpoints are left alone.
 */
public class ActiveMemberFilter implements WebFilter {
    /** Session attributes, epoch milliseconds. */
    public static final String SIGNED_IN_AT = "ll.signedInAt";
    /** How the session was authenticated (docs/adr/0026): the organization it is bound to (absent: a personal account's
     *  password) and the account's session epoch at sign-in. */
    public static final String AUTH_ORGANIZATION = "ll.authOrganizationId";
    public static final String SESSION_EPOCH = "ll.sessionEpoch";
    static final String LAST_SEEN_AT = "ll.lastSeenAt";

    private final Principals principals;
    private final Clock clock;

    public ActiveMemberFilter(Principals principals, Clock clock) {
        this.principals = principals;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean api = path.equals("/graphql") || path.startsWith("/graphql/") || (path.startsWith("/api/") && !path.startsWith("/api/auth/"))
                      || path.startsWith("/ls/api/"); // Label Studio's REST API (ADR 0050)
        if (!api) return chain.filter(exchange);
        boolean browserSession = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null;
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(a -> a != null && a.getPrincipal() instanceof Caller)
                .map(a -> (Caller) a.getPrincipal())
                // one statement (query's DirectoryQueries, R2DBC: no thread blocks on it)
                .flatMap(claimed -> principals.activeMember(claimed.userId(), claimed.organizationId()).map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(current -> current.isEmpty() ? refuse(exchange)
                                : (browserSession ? withinPolicy(exchange, current.get()) : Mono.just(true))
                                        .flatMap(ok -> ok
                                                ? chain.filter(exchange)
                                                       .contextWrite(ReactiveSecurityContextHolder.withAuthentication(SecurityConfig.authenticated(Caller.from(current.get().actor()))))
                                                       .thenReturn(true)
                                                : refuse(exchange))))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }

    /** Whether the session is still within the policy; records this request as its latest activity. */
    private Mono<Boolean> withinPolicy(ServerWebExchange exchange, Principals.ActiveMember member) {
        return exchange.getSession().map(session -> {
            Instant now = clock.instant();
            Instant signedIn = instant(session, SIGNED_IN_AT);
            Instant lastSeen = instant(session, LAST_SEEN_AT);
            // a session bound to the organization whose IdP or directory vouched is valid there only; an older epoch
            // was signed out everywhere (or its password changed)
            Object bound = session.getAttributes().get(AUTH_ORGANIZATION);
            if (bound != null && !bound.equals(member.actor().organizationId())) return false;
            Object epoch = session.getAttributes().get(SESSION_EPOCH);
            if ((epoch instanceof Number n ? n.intValue() : 0) != member.sessionEpoch()) return false;
            if (signedIn == null) {
                signedIn = now; // sessions from before the policy existed start counting now
                session.getAttributes().put(SIGNED_IN_AT, now.toEpochMilli());
            }
            if (member.idleTimeoutMinutes() != null && lastSeen != null
                    && Duration.between(lastSeen, now).compareTo(Duration.ofMinutes(member.idleTimeoutMinutes())) > 0) return false;
            if (member.maxSessionHours() != null
                    && Duration.between(signedIn, now).compareTo(Duration.ofHours(member.maxSessionHours())) > 0) return false;
            session.getAttributes().put(LAST_SEEN_AT, now.toEpochMilli());
            return true;
        });
    }

    private static Instant instant(WebSession session, String attribute) {
        Object v = session.getAttributes().get(attribute);
        return v instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
    }

    private static Mono<Boolean> refuse(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate)
                       .then(Mono.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED)))
                       .then(exchange.getResponse().setComplete()).thenReturn(true);
    }
}
