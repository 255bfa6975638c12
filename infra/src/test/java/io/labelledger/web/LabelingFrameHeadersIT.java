package io.labelledger.web;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor frame (ADR 0031) is served with its sandboxing policy; the rest of the app may still not be framed. */
class LabelingFrameHeadersIT extends IntegrationTest {
    @LocalServerPort
    int port;
    WebTestClient web;

    @BeforeEach
    void client() {
        web = ApiClient.web(port);
    }

    @Test
    void theFramePageIsSandboxedWithoutSameOriginAndRunsOnlyOurScripts() {
        var response = web.get().uri("/lsf/frame.html").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN")
                .expectBody(String.class).returnResult();
        assertThat(response.getResponseBody()).contains("/lsf/vendor/label-studio-1.4.0.js", "/lsf/frame.js");
        String csp = response.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).isEqualTo(LabelingFrameHeaders.CONTENT_SECURITY_POLICY);
        assertThat(csp).contains("sandbox allow-scripts allow-forms", "script-src 'self'", "form-action 'none'", "frame-ancestors 'self'")
                .doesNotContain("allow-same-origin", "'unsafe-eval'", "script-src 'self' 'unsafe-inline'");
    }

    @Test
    void theEditorBundleIsServedFromOurOriginWithTheSamePolicy() {
        web.get().uri("/lsf/vendor/label-studio-1.4.0.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", LabelingFrameHeaders.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theSandboxedFrameLoadsItsScriptsThoughItsRequestsSayOriginNull() {
        // Chromium's requests from the opaque-origin frame carry "Origin: null"; WebFlux's CORS check refused them (403)
        web.get().uri("/lsf/frame.js").header("Origin", "null").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "javascript"));
        web.get().uri("/lsf/vendor/label-studio-1.4.0.css").header("Origin", "null").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "css"));
    }

    @Test
    void otherPagesKeepRefusingToBeFramed() {
        web.get().uri("/projects").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }
}
