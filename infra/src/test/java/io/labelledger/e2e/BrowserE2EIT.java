package io.labelledger.e2e;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

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
        BrowserScript.run("e2e.mjs", port, Duration.ofMinutes(4));
        assertThat(BrowserScript.artifacts().resolve("datamanager.png")).exists();
    }
}
