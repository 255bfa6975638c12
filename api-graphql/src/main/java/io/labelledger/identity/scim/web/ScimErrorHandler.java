package io.labelledger.identity.scim.web;

import io.labelledger.identity.scim.ScimException;
import io.labelledger.identity.scim.ScimJson;
import io.labelledger.identity.scim.ScimSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Errors under /scim/ that no controller answered (unknown path, wrong method, too large a body) still come back in
 * the SCIM error format, so that identity providers can read them.
 */
@Component
@Order(-3) // before RequestTooLargeHandler and Boot's default handler
public class ScimErrorHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ScimErrorHandler.class);
    private final ScimJson json;

    public ScimErrorHandler(ScimJson json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/scim/")
                || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ScimException error = toScim(ex);
        var response = exchange.getResponse();
        response.setStatusCode(org.springframework.http.HttpStatusCode.valueOf(error.status()));
        response.getHeaders().setContentType(MediaType.parseMediaType(ScimSchemas.MEDIA_TYPE));
        byte[] body = json.write(json.error(error)).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static ScimException toScim(Throwable ex) {
        if (ex instanceof ScimException s) return s;
        if (ex instanceof DataBufferLimitException) return new ScimException(413, null, "The request is larger than the server accepts");
        if (ex instanceof ResponseStatusException r && r.getStatusCode().is4xxClientError()) {
            return new ScimException(r.getStatusCode().value(), null, "The request cannot be served");
        }
        log.error("SCIM request failed", ex);
        return new ScimException(500, null, "Internal error");
    }
}
