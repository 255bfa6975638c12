package io.labelledger.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers of Label Studio's editor frame, in one place (ADR 0031): everything under {@code /lsf/}
 * (frame.html, frame.js and the editor's bundle). The labeling page embeds {@code /lsf/frame.html} in an
 * {@code <iframe sandbox="allow-scripts allow-forms">}; this policy repeats the sandbox (no {@code allow-same-origin}),
 * so the page has an opaque origin even when opened on its own. Forms are allowed because the editor's TextArea is a
 * form whose submit event it handles (without the flag the browser drops the event); {@code form-action 'none'}
 * keeps any form from being sent anywhere. Scripts are allowed
 * from our origin only: no inline scripts, no eval (Label Studio 1.4.0 runs without either). Inline styles stay
 * allowed: the editor sets style attributes and injects style elements. Media arrive as blob: URLs the frame
 * makes from what the page fetched, as data:image/audio URLs, or as http(s) URLs when the project does not
 * proxy media. No requests from the frame itself ({@code connect-src} only blob:/data:), no form is sent, no frames.
 * Being framed is allowed for our own pages only ({@code frame-ancestors 'self'}, X-Frame-Options SAMEORIGIN,
 * which replaces Spring Security's DENY for these paths only). The app-wide policy leaves {@code /lsf/} to this.
 * <p>
 * Chromium sends {@code Origin: null} with the frame's requests for its own scripts and styles (its origin is
 * opaque), which WebFlux's CORS check answers with 403: for GET/HEAD of these public static files that header is
 * dropped (no-cors loads; nothing here depends on the caller).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LabelingFrameHeaders implements WebFilter {
    public static final String PATH_PREFIX = "/lsf/";

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' blob: data: https: http:",
            "media-src 'self' blob: data: https: http:",
            "font-src 'self' data:",
            "connect-src blob: data:",
            "worker-src blob:",
            "frame-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
            "frame-ancestors 'self'",
            "sandbox allow-scripts allow-forms");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PATH_PREFIX)) {
            HttpMethod method = exchange.getRequest().getMethod();
            if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                    && "null".equals(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN))) {
                exchange = exchange.mutate().request(r -> r.headers(h -> h.remove(HttpHeaders.ORIGIN))).build();
            }
            // set now: Spring Security writes its defaults on commit and keeps a header that is already there
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Frame-Options", "SAMEORIGIN");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
        }
        return chain.filter(exchange);
    }
}
