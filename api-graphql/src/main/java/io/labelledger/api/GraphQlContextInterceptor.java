package io.labelledger.api;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;

/**
 * Puts the caller and the client IP into the GraphQL context, for HTTP requests and for WebSocket
 * subscriptions alike (where the principal comes from the authenticated handshake).
 */
public class GraphQlContextInterceptor implements WebGraphQlInterceptor {
    public static final String CALLER = "caller";
    public static final String CLIENT_IP = "clientIp";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Mono<Caller> caller = ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(a -> a.getPrincipal() instanceof Caller c ? Mono.just(c) : Mono.<Caller>empty())
                .switchIfEmpty(Mono.defer(() -> fromWebSocket(request)));
        InetSocketAddress remote = request.getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        return caller.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(c -> {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(ctx -> {
                c.ifPresent(value -> ctx.put(CALLER, value));
                if (ip != null) ctx.put(CLIENT_IP, ip);
            }).build());
            return chain.next(request);
        });
    }

    private static Mono<Caller> fromWebSocket(WebGraphQlRequest request) {
        if (!(request instanceof WebSocketGraphQlRequest ws)) return Mono.empty();
        return ws.getSessionInfo().getPrincipal()
                 .flatMap(p -> principalCaller(p));
    }

    private static Mono<Caller> principalCaller(Principal p) {
        if (p instanceof Authentication a && a.getPrincipal() instanceof Caller c) return Mono.just(c);
        return Mono.empty();
    }
}
