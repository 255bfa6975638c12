package io.labelledger.api;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies of callers who are not signed in are small (issue 9 #14): sign-in, sign-up and invitation look-ups
 * need well under a kilobyte, so {@code labelledger.http.max-unauthenticated-bytes} (16 KiB) is plenty; a SAML
 * response posted to /saml/{org}/acs carries a signed, possibly encrypted assertion with certificates, base64 in a
 * form, so it gets {@code labelledger.http.max-saml-bytes} (256 KiB). A larger body answers 413 with a typed error
 * before it is parsed (declared length) or as soon as the count passes the limit (chunked). Signed-in callers keep the
 * GraphQL codec's limit. Runs after Spring Security, so the principal is known.
 */
public class UnauthenticatedBodyLimit implements WebFilter, org.springframework.core.Ordered {
    private final long maxBytes;
    private final long maxSamlBytes;

    public UnauthenticatedBodyLimit(long maxBytes, long maxSamlBytes) {
        this.maxBytes = maxBytes;
        this.maxSamlBytes = maxSamlBytes;
    }

    /** After Spring Security's chain (-100), which makes the principal known. */
    @Override
    public int getOrder() {
        return -50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal().map(p -> true).defaultIfEmpty(false).flatMap(signedIn -> {
            if (signedIn) return chain.filter(exchange);
            long limit = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/saml/") ? maxSamlBytes : maxBytes;
            if (exchange.getRequest().getHeaders().getContentLength() > limit) return tooLarge(exchange);
            return chain.filter(exchange.mutate().request(limited(exchange.getRequest(), limit)).build());
        });
    }

    private static ServerHttpRequest limited(ServerHttpRequest request, long limit) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new DataBufferLimitException("Request body over " + limit + " bytes before sign-in"));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }

    static Mono<Void> tooLarge(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = "{\"errors\":[{\"code\":\"VALIDATION\",\"field\":[],\"message\":\"The request is larger than the server accepts before sign-in\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
