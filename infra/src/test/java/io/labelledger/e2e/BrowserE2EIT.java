package io.labelledger.e2e;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole product in a real browser: Debian's headless Chromium, driven by playwright-core (ui/e2e/e2e.mjs),
 * against this application on a random port. Signs up, creates a project, imports tasks, labels one, sees the
 * Data Manager change, the annotation pending review and the review queue, and the audit log. Screenshots land in infra/target/e2e.
 */
class BrowserE2EIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void signUpCreateImportLabelAndAudit() throws Exception {
        Path ui = Path.of("..", "ui").toAbsolutePath().normalize();
        Path script = ui.resolve("e2e/e2e.mjs");
        assertThat(script).exists();
        assertThat(ui.resolve("node_modules/playwright-core")).as("npm packages of ui/ (built by the ui module)").exists();
        Path artifacts = Path.of("target", "e2e").toAbsolutePath();
        Files.createDirectories(artifacts);
        Path log = artifacts.resolve("e2e.log");

        ProcessBuilder builder = new ProcessBuilder("node", script.toString())
                .directory(ui.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        builder.environment().put("E2E_ARTIFACTS", artifacts.toString());
        Process node = builder.start();
        node.getOutputStream().close();
        boolean finished = node.waitFor(240, TimeUnit.SECONDS);
        if (!finished) node.destroyForcibly();
        String output = Files.readString(log);
        assertThat(finished).as("e2e finished within 4 minutes:\n" + output).isTrue();
        assertThat(node.exitValue()).as("e2e exit code; output:\n" + output).isZero();
        assertThat(new File(artifacts.toFile(), "datamanager.png")).exists();
    }
}
