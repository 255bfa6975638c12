package io.labelledger.e2e;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Quality tab in a real browser (ui/e2e/quality.mjs, issue 13): three annotators' annotations become the
 * annotator × annotator matrix with the expected percentages, and a new annotation updates it live.
 */
class QualityE2EIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void theQualityTabShowsTheMatrixAndFollowsNewAnnotations() throws Exception {
        BrowserScript.run("quality.mjs", port, Duration.ofMinutes(4));
        assertThat(BrowserScript.artifacts().resolve("quality-matrix.png")).exists();
        assertThat(BrowserScript.artifacts().resolve("quality-live.png")).exists();
        assertThat(BrowserScript.artifacts().resolve("quality-settings.png")).exists();
    }
}
