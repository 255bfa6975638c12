package io.labelledger.embedded;

import io.labelledger.LabelLedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 (the run.sh findings): stopping the zero-setup server with SIGTERM took ~18 s more than it should, because
 * the embedded PostgreSQL and Redis were stopped while the application still ran, and Lettuce kept reconnecting to a
 * Redis that was gone. The application as {@code run.sh} starts it — its own JVM, embedded servers, a fresh data
 * directory — is signed off with SIGTERM: it ends promptly, and nothing reconnects on the way out (the context closes
 * first, then the embedded servers stop).
 */
class GracefulShutdownIT {
    /** The fixed shutdown took ~11 s on a busy machine, the broken one ~41 s. */
    static final Duration PROMPT = Duration.ofSeconds(25);

    @Test
    void sigtermClosesTheApplicationBeforeTheEmbeddedServersAndEndsPromptly(@TempDir Path data) throws Exception {
        int port = EmbeddedServers.freePort();
        Path output = data.resolve("server.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlabelledger.db.port=" + EmbeddedServers.freePort(), LabelLedgerApplication.class.getName(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        // as run.sh without a configured database or Redis: nothing of the test's own servers leaks in
        builder.environment().keySet().removeIf(k -> k.startsWith("LABELLEDGER_"));
        builder.environment().put("LABELLEDGER_DATA_DIR", data.resolve("data").toString());
        Process server = builder.start();
        try {
            awaitStarted(port, server, output);
            long logBeforeStop = Files.size(output);

            long start = System.nanoTime();
            server.destroy(); // SIGTERM
            boolean ended = server.waitFor(90, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            String shutdownLog = Files.readString(output).substring((int) logBeforeStop);
            assertThat(ended).as("the server ended after SIGTERM; its log since:\n" + tail(shutdownLog)).isTrue();
            assertThat(took).as("time from SIGTERM to exit; log since:\n" + tail(shutdownLog)).isLessThan(PROMPT);
            // Lettuce's reconnect attempts are what made it slow: none may happen while shutting down
            assertThat(shutdownLog.lines().filter(l -> l.contains("Reconnecting, last destination was") || l.contains("Cannot reconnect")
                    || l.contains("ConnectionWatchdog")).toList()).as("reconnects while shutting down").isEmpty();
        } finally {
            if (server.isAlive()) server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Until the application says it started (its context is refreshed, Netty listens), and it answers HTTP. */
    private static void awaitStarted(int port, Process server, Path output) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server is still starting; its log:\n" + tail(Files.readString(output))).isTrue();
            if (Files.readString(output).contains("Started " + LabelLedgerApplication.class.getSimpleName())) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("an anonymous GraphQL request").isEqualTo(401);
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not start; its log:\n" + tail(Files.readString(output)));
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
