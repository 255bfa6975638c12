package io.labelledger.api;

import io.labelledger.identity.web.IdentityStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Refreshes the principal of every API request from the directory: a session or token of a deactivated member is
 * refused at once (HTTP 401, the session invalidated), and a changed role applies to the very next request.
 * Runs right after authentication; sign-in endpoints are left alone.
 */
public class ActiveMemberFilter implements WebFilter {
    private final IdentityStore identities;

    public ActiveMemberFilter(IdentityStore identities) {
        this.identities = identities;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean api = path.equals("/graphql") || path.startsWith("/graphql/") || (path.startsWith("/api/") && !path.startsWith("/api/auth/"));
        if (!api) return chain.filter(exchange);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(a -> a != null && a.getPrincipal() instanceof Caller)
                .map(a -> (Caller) a.getPrincipal())
                .flatMap(claimed -> Mono.fromCallable(() -> identities.currentCaller(claimed.userId(), claimed.organizationId()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(current -> current.isPresent()
                                ? chain.filter(exchange)
                                       .contextWrite(ReactiveSecurityContextHolder.withAuthentication(SecurityConfig.authenticated(current.get())))
                                       .thenReturn(true)
                                : exchange.getSession().flatMap(WebSession::invalidate).then(Mono.fromRunnable(() ->
                                        exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED)))
                                          .then(exchange.getResponse().setComplete()).thenReturn(true)))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }
}
