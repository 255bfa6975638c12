package io.labelledger.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers of Label Studio's editor frame, in one place (ADR 0031): everything under {@code /lsf/}
 * (frame.html, frame.js and the editor's bundle). The labeling page embeds {@code /lsf/frame.html} in an
 * {@code <iframe sandbox="allow-scripts">}; this policy repeats the sandbox ({@code sandbox allow-scripts}, no
 * {@code allow-same-origin}), so the page has an opaque origin even when opened on its own, and allows scripts
 * from our origin only: no inline scripts, no eval (Label Studio 1.4.0 runs without either). Inline styles stay
 * allowed: the editor sets style attributes and injects style elements. Media arrive as blob: URLs the frame
 * makes from what the page fetched, as data:image/audio URLs, or as http(s) URLs when the project does not
 * proxy media. No requests from the frame itself ({@code connect-src} only blob:/data:), no forms, no frames.
 * Being framed is allowed for our own pages only ({@code frame-ancestors 'self'}, X-Frame-Options SAMEORIGIN,
 * which replaces Spring Security's DENY for these paths only). The app-wide policy leaves {@code /lsf/} to this.
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
            "sandbox allow-scripts");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PATH_PREFIX)) {
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
