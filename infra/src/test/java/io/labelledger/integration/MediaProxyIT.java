package io.labelledger.integration;

import com.sun.net.httpserver.HttpServer;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import io.labelledger.testing.TestMediaPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage proxy through the real HTTP stack (ADR 0019). A local HTTP server plays the public media host: the test
 * policy trusts exactly its port; every other local port and private address is refused by the real policy.
 */
class MediaProxyIT extends IntegrationTest {
    static final byte[] PNG = new byte[70_000];
    static {
        for (int i = 0; i < PNG.length; i++) PNG[i] = (byte) (i * 31);
        PNG[0] = (byte) 0x89;
    }

    @LocalServerPort
    int port;

    HttpServer media;
    AutoCloseable trusted;
    final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
    ApiClient ann;
    String project;

    @BeforeEach
    void mediaServer() throws IOException {
        media = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        media.createContext("/", exchange -> {
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/cat.png" -> {
                    exchange.getResponseHeaders().add("Content-Type", "image/png");
                    exchange.getResponseHeaders().add("Set-Cookie", "tracker=1");
                    exchange.sendResponseHeaders(200, 0); // chunked: streamed, no declared length
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (int i = 0; i < PNG.length; i += 8192) out.write(PNG, i, Math.min(8192, PNG.length - i));
                    }
                }
                case "/page.html" -> {
                    exchange.getResponseHeaders().add("Content-Type", "text/html");
                    byte[] body = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
                }
                default -> {
                    String target = switch (path) {
                        case "/moved" -> "/cat.png";
                        case "/to-metadata" -> "http://169.254.169.254/latest/meta-data/";
                        case "/to-private" -> "http://10.0.0.7/cat.png";
                        case "/to-loopback" -> "http://127.0.0.1:" + untrustedPort() + "/cat.png";
                        case "/to-file" -> "file:///etc/passwd";
                        case "/loop" -> "/loop";
                        default -> null;
                    };
                    if (target == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        exchange.getResponseHeaders().add("Location", target);
                        exchange.sendResponseHeaders(302, -1);
                    }
                    exchange.close();
                }
            }
        });
        media.start();
        trusted = TestMediaPolicy.trust(media.getAddress());
        ann = ApiClient.signUp(port, "Ann");
        project = ann.createProject("Pictures", "<View><Image name=\"img\" value=\"$image\"/>"
                + "<Choices name=\"c\" toName=\"img\"><Choice value=\"cat\"/></Choices></View>");
    }

    @AfterEach
    void stop() throws Exception {
        trusted.close();
        media.stop(0);
    }

    int untrustedPort() {
        return port; // the application itself: loopback, never declared public
    }

    String url(String path) {
        return "http://127.0.0.1:" + media.getAddress().getPort() + path;
    }

    WebTestClient.ResponseSpec proxy(ApiClient user, String projectId, String url) {
        // a URI object: sent as encoded here, not encoded a second time as a template would be
        return ApiClient.web(port).get()
                        .uri(URI.create("http://127.0.0.1:" + port + "/api/projects/" + projectId + "/media?url="
                                        + URLEncoder.encode(url, StandardCharsets.UTF_8)))
                        .header(HttpHeaders.COOKIE, user.cookie).header(HttpHeaders.AUTHORIZATION, "Bearer secret-of-the-caller")
                        .exchange();
    }

    void allow(boolean allowed) {
        ann.graphql().document("""
                        mutation($i: ChangeMediaProxyInput!) { changeMediaProxy(input: $i) { project { mediaProxy } errors { code } } }""")
           .variable("i", Map.of("projectId", project, "allowed", allowed)).execute()
           .path("changeMediaProxy.errors").entityList(Object.class).hasSize(0)
           .path("changeMediaProxy.project.mediaProxy").entity(Boolean.class).isEqualTo(allowed);
    }

    void refused(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status).expectBody().jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @Test
    void theProxyIsOffUntilTheProjectAllowsIt() {
        ann.graphql().document("query($id: ID!) { project(id: $id) { mediaProxy } }").variable("id", project).execute()
           .path("project.mediaProxy").entity(Boolean.class).isEqualTo(false);

        refused(proxy(ann, project, url("/cat.png")), 403, "MEDIA_PROXY_OFF");
        assertThat(received).isEmpty(); // nothing was fetched

        allow(true);
        allow(false);
        refused(proxy(ann, project, url("/cat.png")), 403, "MEDIA_PROXY_OFF");
        assertThat(received).isEmpty();
    }

    @Test
    void anAllowedUrlIsStreamedWithItsImageTypeAndWithoutTheCallersCredentials() {
        allow(true);

        byte[] body = proxy(ann, project, url("/cat.png")).expectStatus().isOk()
                .expectHeader().contentType("image/png")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(body).isEqualTo(PNG);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().keySet()).map(String::toLowerCase).doesNotContain("cookie", "authorization");
    }

    @Test
    void redirectsAreFollowedAndEachTargetIsCheckedAgain() {
        allow(true);
        assertThat(proxy(ann, project, url("/moved")).expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody())
                .isEqualTo(PNG);

        refused(proxy(ann, project, url("/to-metadata")), 400, "URL_REFUSED");
        refused(proxy(ann, project, url("/to-private")), 400, "URL_REFUSED");
        refused(proxy(ann, project, url("/to-loopback")), 400, "URL_REFUSED");
        refused(proxy(ann, project, url("/to-file")), 400, "URL_REFUSED");
        refused(proxy(ann, project, url("/loop")), 400, "URL_REFUSED");
        // /moved and its target; one request for each refused redirect; the loop: the first request and three redirects
        assertThat(received).hasSize(2 + 4 + 4);
    }

    @Test
    void privateLoopbackAndOtherSchemesAreRefusedWithoutAConnection() {
        allow(true);
        for (String url : List.of("http://127.0.0.1:" + untrustedPort() + "/graphql", "http://2130706433:" + untrustedPort() + "/",
                "http://0x7f.1:" + untrustedPort() + "/", "http://[::ffff:127.0.0.1]:" + untrustedPort() + "/",
                "http://[::1]:" + untrustedPort() + "/", "http://169.254.169.254/latest/meta-data/", "http://localhost:" + untrustedPort() + "/",
                "file:///etc/passwd", "ftp://127.0.0.1/", "gopher://example.com/")) {
            refused(proxy(ann, project, url), 400, "URL_REFUSED");
        }
        refused(ApiClient.web(port).get().uri("/api/projects/" + project + "/media").header(HttpHeaders.COOKIE, ann.cookie).exchange(),
                400, "URL_REFUSED");
    }

    @Test
    void htmlIsNeverServedAsAPageOfTheApplication() {
        allow(true);
        proxy(ann, project, url("/page.html")).expectStatus().isOk()
                .expectHeader().contentType("text/plain")
                .expectHeader().value("Content-Security-Policy", v -> assertThat(v).contains("sandbox"));
    }

    @Test
    void anotherOrganizationsProjectIsNotFoundAndFetchesNothing() {
        allow(true);
        ApiClient eve = ApiClient.signUp(port, "Eve");
        refused(proxy(eve, project, url("/cat.png")), 404, "NOT_FOUND");
        refused(proxy(eve, "not-a-project", url("/cat.png")), 404, "NOT_FOUND");
        assertThat(received).isEmpty();
        ApiClient.web(port).get().uri("/api/projects/" + project + "/media?url=" + url("/cat.png")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aProjectMemberWhoIsOnlyAnAnnotatorMayUseTheProxyOfTheirProjectOnly() {
        allow(true);
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ANNOTATOR"));
        refused(proxy(bob, project, url("/cat.png")), 403, "FORBIDDEN"); // not a member of this project yet
        ann.graphql().document("""
                        mutation($i: ProjectMemberInput!) { addProjectMember(input: $i) { errors { code } } }""")
           .variable("i", Map.of("projectId", project, "userId", bob.userId, "role", "ANNOTATOR")).execute()
           .path("addProjectMember.errors").entityList(Object.class).hasSize(0);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                proxy(bob, project, url("/cat.png")).expectStatus().isOk());
        // and an annotator cannot turn the proxy on or off
        bob.graphql().document("""
                        mutation($i: ChangeMediaProxyInput!) { changeMediaProxy(input: $i) { errors { code } } }""")
           .variable("i", Map.of("projectId", project, "allowed", false)).execute()
           .path("changeMediaProxy.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
    }
}
