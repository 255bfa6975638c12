package io.labelledger.api.live;

import io.labelledger.api.Caller;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * The graphql-ws endpoint as Spring Boot configures it, with every socket registered in {@link LiveAccess} for as
 * long as it is open, so that deactivating a member or changing their role closes it. Everything else is the
 * configured handler's.
 */
public class LiveSocketHandler extends GraphQlWebSocketHandler {
    private final GraphQlWebSocketHandler configured;
    private final LiveAccess access;

    public LiveSocketHandler(GraphQlWebSocketHandler configured, WebGraphQlHandler graphQl, LiveAccess access) {
        super(graphQl, ServerCodecConfigurer.create(), Duration.ofSeconds(60)); // unused: every call goes to the configured handler
        this.configured = configured;
        this.access = access;
    }

    @Override
    public List<String> getSubProtocols() { return configured.getSubProtocols(); }

    @Override
    public CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) { return configured.getCorsConfiguration(exchange); }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
                .flatMap(Caller::of)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(caller -> caller.map(c -> access.track(c, session, configured.handle(session)))
                                         .orElseGet(() -> configured.handle(session)));
    }
}
