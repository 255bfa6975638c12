package io.labelledger.api;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Locale;

/**
 * Response headers of every answer (issue 9 #14): a Content-Security-Policy, X-Frame-Options and, when the
 * application is served over HTTPS ({@code labelledger.public-url} starts with https://), HSTS. Runs before Spring
 * Security, whose default header writer leaves headers that are already set alone.
 * <p>
 * The application's policy allows what the built UI uses (measured: one module script and one stylesheet from
 * /assets, no inline script or style element, no eval; fetch and graphql-ws to the same origin; task media from any
 * http(s) URL when a project does not use the storage proxy). Pages under {@link #FRAME_PREFIX} (the labeling editor,
 * shown in a sandboxed iframe of our own pages) get their own policy, {@code labelledger.csp.frame-policy}, and may be
 * framed by our own origin only.
 */
public class SecurityHeaders implements WebFilter, org.springframework.core.Ordered {
    /** Before Spring Security's chain (-100): its header writer then leaves these alone, also on 401s. */
    public static final int ORDER = -200;
    public static final String FRAME_PREFIX = "/lsf/";

    /** The application's pages and API answers. */
    public static final String APP_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob: http: https:",
            "media-src 'self' data: blob: http: https:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** The labeling frame's default until its page says what it needs: the application's, framable by ourselves. */
    public static final String FRAME_POLICY = APP_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String framePolicy;
    private final boolean https;

    public SecurityHeaders(String publicUrl, String framePolicy) {
        this.https = publicUrl != null && publicUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://");
        this.framePolicy = framePolicy == null || framePolicy.isBlank() ? FRAME_POLICY : framePolicy.strip();
    }

    public boolean https() {
        return https;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        boolean frame = exchange.getRequest().getPath().pathWithinApplication().value().startsWith(FRAME_PREFIX);
        if (frame) {
            // the labeling frame's own filter (infra LabelingFrameHeaders, ADR 0031) runs first and owns these
            // headers; the frame policy here only stands in where no such filter set them
            if (!headers.containsHeader("Content-Security-Policy")) headers.set("Content-Security-Policy", framePolicy);
            if (!headers.containsHeader("X-Frame-Options")) headers.set("X-Frame-Options", "SAMEORIGIN");
            if (!headers.containsHeader("Referrer-Policy")) headers.set("Referrer-Policy", "same-origin");
        } else {
            headers.set("Content-Security-Policy", APP_POLICY);
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "same-origin");
        }
        if (https) headers.set("Strict-Transport-Security", HSTS);
        return chain.filter(exchange);
    }
}
