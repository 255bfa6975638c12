package io.labelledger.faults;

import io.labelledger.LabelLedgerApplication;
import io.labelledger.ops.StallWatchdog;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.FreezableTcpProxy;
import io.labelledger.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, "make a Redis stall unable to hold up commands or projections": the application talks to the real Redis
 * through a relay the test freezes. While Redis answers nothing, a script with an API token still annotates and the
 * Data Manager still shows it (commands, projections and token sign-in never wait on Redis); a browser request, whose
 * session lives in Redis, is answered 503 UNAVAILABLE after the command timeout instead of hanging for a minute; the
 * watchdog reports the stuck Redis probe with a thread dump. Thawed, the browser session works again.
 */
class RedisStallIT {
    static final String SUBMIT = "mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }";

    static ConfigurableApplicationContext start(String redisUrl, Path diagnostics) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(LabelLedgerApplication.class).run(
                "--labelledger.db.url=" + TestServers.jdbcUrl(), "--labelledger.db.username=postgres", "--labelledger.db.password=",
                "--labelledger.redis.url=" + redisUrl,
                "--labelledger.sso.master-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "--spring.data.redis.timeout=2s", "--labelledger.watchdog.threshold=2s", "--labelledger.watchdog.dir=" + diagnostics,
                "--server.port=0", "--server.shutdown=immediate");
    }

    static String through(FreezableTcpProxy proxy, String redisUrl) {
        URI real = URI.create(redisUrl);
        return "redis://" + (real.getRawUserInfo() == null ? "" : real.getRawUserInfo() + "@") + "127.0.0.1:" + proxy.port()
               + (real.getRawPath() == null ? "" : real.getRawPath());
    }

    @Test
    void aFrozenRedisHoldsUpNeitherCommandsNorProjectionsAndBrowsersGetATypedBusyAnswer() throws Exception {
        URI redis = URI.create(TestServers.redisUrl());
        Path diagnostics = Files.createTempDirectory("stall-diagnostics");
        try (FreezableTcpProxy proxy = new FreezableTcpProxy(redis.getHost(), redis.getPort());
             ConfigurableApplicationContext app = start(through(proxy, TestServers.redisUrl()), diagnostics)) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            ApiClient owner = ApiClient.signUp(port, "Frost");
            String project = owner.createProject("Frozen Redis", ApiClient.TEXT_CONFIG);
            owner.importTasks(project, "{\"text\":\"one\"}\n{\"text\":\"two\"}\n", "NDJSON", "ALL_OR_NOTHING")
                 .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
            String task = owner.firstTask(project);
            String token = owner.graphql().document("mutation { createApiToken(input: {name: \"script\"}) { token } }").execute()
                                .path("createApiToken.token").entity(String.class).get();

            proxy.freeze();
            long frozenAt = System.nanoTime();

            // a script: token sign-in, the command and the projection wait on nothing in Redis
            ApiClient.withToken(port, token).document(SUBMIT)
                     .variable("i", Map.of("taskId", task, "result", List.of(ApiClient.choice("Positive")))).execute()
                     .path("submitAnnotation.errors").entityList(Object.class).hasSize(0);
            Integer count = ApiClient.withToken(port, token).document("query($id: ID!) { task(id: $id) { annotationCount } }")
                                     .variable("id", task).execute().path("task.annotationCount").entity(Integer.class).get();
            assertThat(count).as("the Data Manager row, read back while Redis is frozen").isEqualTo(1);
            assertThat(proxy.frozen()).isTrue();

            // a browser: its session is in Redis; a typed 503 after the 2 s command timeout, not a minute's hang
            var busy = ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                                .header(HttpHeaders.COOKIE, owner.cookie).bodyValue(Map.of("query", "{ me { id } }"))
                                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                                .expectBody(String.class).returnResult().getResponseBody();
            assertThat(busy).contains("\"code\":\"UNAVAILABLE\"").doesNotContain("Exception");
            assertThat(Duration.ofNanos(System.nanoTime() - frozenAt)).as("answered while Redis was still frozen")
                    .isLessThan(Duration.ofSeconds(30));

            // the watchdog saw the Redis probe stuck and dumped the threads
            StallWatchdog watchdog = app.getBean(StallWatchdog.class);
            StallWatchdog.Stall stall = await().atMost(Duration.ofSeconds(15)).until(watchdog::lastStall, s -> s.isPresent()).orElseThrow();
            assertThat(stall.stuck()).containsKey("redis");
            assertThat(stall.dump()).isPresent();
            assertThat(Files.readString(stall.dump().orElseThrow())).contains("stall-watchdog");

            proxy.thaw();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                    assertThat(owner.graphql().document("{ me { id } }").execute().path("me.id").entity(String.class).get())
                            .isEqualTo(owner.userId));
        }
    }
}
