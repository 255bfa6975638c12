package io.labelledger.api;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import io.labelledger.shared.Busy;
import java.nio.charset.StandardCharsets;

/**
 * Outside GraphQL's own error handling (loading the session from Redis, the security filters, REST endpoints), a
 * resource that did not answer in time is a 503 with a typed error, not Boot's 500 (issue 9).
 */
@Component
@Order(-2) // before Boot's default error handler
public class BusyHandler implements WebExceptionHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BusyHandler.class);
    private static final byte[] BODY = ("{\"errors\":[{\"code\":\"UNAVAILABLE\",\"field\":[],\"message\":\"" + Busy.MESSAGE + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!Busy.is(ex) || exchange.getResponse().isCommitted()) return Mono.error(ex);
        log.warn("Busy: {} {} answered 503 ({})", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex.toString(), ex);
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set("Retry-After", "5");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(BODY)));
    }
}
