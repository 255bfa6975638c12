package io.labelledger.api;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 #14: a Content-Security-Policy on the application's pages (and its own for the labeling frame), a Secure
 * cookie and HSTS over HTTPS, small bodies before sign-in (a 64 MB JSON body was parsed), and a malformed multipart
 * import answered 400 instead of 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpHardeningIT extends IntegrationTest {
    @LocalServerPort
    int port;
    ApiClient owner;

    @BeforeAll
    void owner() {
        owner = ApiClient.signUp(port, "Headers");
    }

    @Test
    void pagesAndAnswersCarryTheContentSecurityPolicy() {
        for (String path : new String[]{"/", "/index.html", "/projects"}) {
            ApiClient.web(port).get().uri(path).exchange()
                     .expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.APP_POLICY)
                     .expectHeader().valueEquals("X-Frame-Options", "DENY");
        }
        ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ me { id } }"))
                 .exchange().expectStatus().isUnauthorized()
                 .expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.APP_POLICY);
        assertThat(SecurityHeaders.APP_POLICY).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
    }

    @Test
    void theLabelingFrameHasItsOwnPolicyAndMayBeFramedByUsOnly() {
        // the frame's own filter (ADR 0031) owns its headers; the app-wide filter does not replace them
        ApiClient.web(port).get().uri(SecurityHeaders.FRAME_PREFIX + "index.html").exchange()
                 .expectHeader().valueEquals("Content-Security-Policy", io.labelledger.web.LabelingFrameHeaders.CONTENT_SECURITY_POLICY)
                 .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN");
        assertThat(io.labelledger.web.LabelingFrameHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'self'").contains("sandbox allow-scripts");
        assertThat(SecurityHeaders.FRAME_POLICY).contains("frame-ancestors 'self'");
        assertThat(new SecurityHeaders("", "default-src 'none'").toString()).isNotNull();
    }

    @Test
    void overHttpsTheCookieIsSecureAndHstsIsSent() {
        // the filter and the cookie settings as the application wires them for LABELLEDGER_PUBLIC_URL=https://...
        SecurityHeaders https = new SecurityHeaders("https://labels.example.com", null);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/projects"));
        https.filter(exchange, e -> Mono.empty()).block();
        assertThat(exchange.getResponse().getHeaders().getFirst("Strict-Transport-Security")).isEqualTo(SecurityHeaders.HSTS);

        CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
        HttpHardeningConfig.secure(cookies);
        MockServerWebExchange signIn = MockServerWebExchange.from(MockServerHttpRequest.post("/api/auth/login"));
        cookies.setSessionId(signIn, "abc");
        ResponseCookie session = signIn.getResponse().getCookies().getFirst("SESSION");
        assertThat(session.isSecure()).isTrue();

        // served over plain http (this test server has no public URL): neither
        ApiClient.web(port).get().uri("/").exchange().expectHeader().doesNotExist("Strict-Transport-Security");
        SecurityHeaders plain = new SecurityHeaders("http://localhost:8080", null);
        assertThat(plain.https()).isFalse();
    }

    @Test
    void aLargeBodyBeforeSignInIsRefusedUnparsed() {
        String big = "{\"email\":\"a@b.test\",\"password\":\"" + "x".repeat(64 * 1024) + "\"}";
        ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(big)
                 .exchange().expectStatus().isEqualTo(413).expectBody().jsonPath("$.errors[0].code").isEqualTo("VALIDATION");

        // chunked, without a declared length: refused as soon as the count passes the limit
        Flux<DataBuffer> chunks = Flux.range(0, 64).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                (i == 0 ? "{\"email\":\"a@b.test\",\"password\":\"" : "").concat("y".repeat(1024)).getBytes(StandardCharsets.UTF_8)));
        ApiClient.web(port).post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                 .exchange().expectStatus().isEqualTo(413);

        // a SAML response is bigger than a sign-in: 40 KB reaches the SAML endpoint (which refuses it for what it is)
        String samlResponse = "PHNhbWxwOlJlc3BvbnNl" + "A".repeat(40 * 1024);
        int status = ApiClient.web(port).post().uri("/saml/" + owner.organizationId + "/acs").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                              .bodyValue("SAMLResponse=" + samlResponse).exchange().returnResult(String.class).getStatus().value();
        assertThat(status).isNotEqualTo(413).isLessThan(500);
    }

    @Test
    void signedInGraphQlRequestsKeepTheirLimit() {
        String padding = "p".repeat(200 * 1024);
        ApiClient.web(port).post().uri("/graphql").header(HttpHeaders.COOKIE, owner.cookie).contentType(MediaType.APPLICATION_JSON)
                 .bodyValue(Map.of("query", "{ me { id } }", "extensions", Map.of("padding", padding))).exchange().expectStatus().isOk()
                 .expectBody().jsonPath("$.data.me.id").isEqualTo(owner.userId);
    }

    @Test
    void aMalformedMultipartImportIsABadRequest() {
        String project = owner.createProject("Multipart", ApiClient.TEXT_CONFIG);
        for (String contentType : new String[]{"multipart/form-data; boundary=XyZ", "multipart/form-data"}) {
            ApiClient.web(port).post().uri("/api/projects/" + project + "/imports?format=TEXT").header(HttpHeaders.COOKIE, owner.cookie)
                     .header(HttpHeaders.CONTENT_TYPE, contentType)
                     .bodyValue("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello, and then the body just stops")
                     .exchange().expectStatus().isBadRequest()
                     .expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_IMPORT");
        }
    }
}
