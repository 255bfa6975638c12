package io.labelledger.api;

import io.labelledger.api.live.LiveAccess;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * Puts the caller and the client IP into the GraphQL context, for HTTP requests and for WebSocket
 * subscriptions alike (where the principal comes from the authenticated handshake).
 */
public class GraphQlContextInterceptor implements WebGraphQlInterceptor {
    public static final String CALLER = "caller";
    public static final String CLIENT_IP = "clientIp";
    /** On a socket whose member is no longer active: who opened it (every operation is refused, and recorded so). */
    public static final String FORMER_CALLER = "formerCaller";

    private final LiveAccess live;

    /** {@code live}: every operation on a socket acts with the member's current role (ADR 0027), not the handshake's. */
    public GraphQlContextInterceptor(LiveAccess live) {
        this.live = live;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        Mono<Caller> http = ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(a -> a.getPrincipal() instanceof Caller c ? Mono.just(c) : Mono.<Caller>empty());
        if (request instanceof WebSocketGraphQlRequest ws) {
            // HTTP requests were refreshed by ActiveMemberFilter; a socket's principal is the handshake's: refresh it here
            return fromWebSocket(ws).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(opened -> {
                if (opened.isEmpty()) return next(request, chain, null, null, ip);
                return live.current(opened.get()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                           .flatMap(now -> next(request, chain, now.orElse(null), now.isEmpty() ? opened.get() : null, ip));
            });
        }
        return http.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                   .flatMap(c -> next(request, chain, c.orElse(null), null, ip));
    }

    private static Mono<WebGraphQlResponse> next(WebGraphQlRequest request, Chain chain, Caller caller, Caller former, String ip) {
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(ctx -> {
            if (caller != null) ctx.put(CALLER, caller);
            if (former != null) ctx.put(FORMER_CALLER, former);
            if (ip != null) ctx.put(CLIENT_IP, ip);
        }).build());
        return chain.next(request);
    }

    private static Mono<Caller> fromWebSocket(WebSocketGraphQlRequest ws) {
        return ws.getSessionInfo().getPrincipal()
                 .flatMap(Caller::of);
    }

}
