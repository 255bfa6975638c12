package io.labelledger.ops;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, "Observability": probes for everyone, without details; Prometheus metrics only with the operator token
 * (never a session or an API token of an organization); the metrics an operator needs are there after real work.
 */
class ObservabilityIT extends IntegrationTest {
    @LocalServerPort
    int port;
    @Value("${labelledger.operator.token}")
    String operatorToken;

    @Test
    void probesAreOpenAndSayNothingMore() {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            String body = ApiClient.web(port).get().uri(probe).exchange().expectStatus().isOk()
                                   .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db", "redis");
        }
    }

    @Test
    void metricsAreTheOperatorsOnly() {
        ApiClient owner = ApiClient.signUp(port, "Metra");
        String token = owner.graphql().document("mutation { createApiToken(input: {name: \"scrape\"}) { token } }").execute()
                            .path("createApiToken.token").entity(String.class).get();
        ApiClient.web(port).get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        ApiClient.web(port).get().uri("/actuator/prometheus").header(HttpHeaders.COOKIE, owner.cookie).exchange().expectStatus().isUnauthorized();
        ApiClient.web(port).get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isUnauthorized();
        ApiClient.web(port).get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken + "x")
                 .exchange().expectStatus().isUnauthorized();
        // nothing else of the management surface is reachable, whoever asks
        for (String other : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/metrics")) {
            ApiClient.web(port).get().uri(other).header(HttpHeaders.COOKIE, owner.cookie).exchange()
                     .expectStatus().value(s -> assertThat(s).isIn(401, 403, 404));
            ApiClient.web(port).get().uri(other).header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken).exchange()
                     .expectStatus().value(s -> assertThat(s).isIn(401, 403, 404));
        }
    }

    @Test
    void afterRealWorkTheOperatorSeesCommandsProjectionsJobsRequestsAndPools() throws Exception {
        ApiClient owner = ApiClient.signUp(port, "Gauge");
        String project = owner.createProject("Metrics", ApiClient.TEXT_CONFIG);
        owner.importTasks(project, "{\"text\":\"one\"}\n", "NDJSON", "ALL_OR_NOTHING");
        owner.submit(owner.firstTask(project), List.of(ApiClient.choice("Positive")));

        // every meter of a JVM that has run the whole suite: more than WebTestClient buffers by default
        var scraper = ApiClient.web(port).mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
        String scrape = await().atMost(Duration.ofSeconds(20)).until(() -> scraper.get().uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody(), s -> s.contains("labelledger_projection_lag_events"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/prometheus-scrape.txt"), scrape);
        assertThat(scrape)
                .contains("labelledger_projection_lag_events{processor=\"data-manager\",segment=\"0\"}")
                .contains("labelledger_projection_lag_events{processor=\"audit-log\",segment=\"0\"}")
                .contains("labelledger_jobs_active{kind=\"import\"}")
                .contains("labelledger_jobs_oldest_age_seconds{kind=\"export\"}")
                .contains("http_server_requests_seconds_count")
                .contains("hikaricp_connections_active")
                .contains("graphql_request_seconds_count")
                .contains("commandBus_successTimer_seconds_count{payloadType=\"SubmitAnnotation\"}")
                .contains("eventProcessor_latency")
                .contains("labelledger_r2dbc_pool_acquired");
    }
}
