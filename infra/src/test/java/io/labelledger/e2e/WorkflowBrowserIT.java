package io.labelledger.e2e;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team workflow in a real browser (ui/e2e/workflow.mjs, issue 11): the Settings tab's sections, pausing with a
 * reason the annotator sees, instructions before labeling once per session, the label stream. Screenshots in
 * infra/target/e2e (workflow-settings.png is the Settings tab).
 */
class WorkflowBrowserIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void aManagerSetsTheWorkflowPausesAndResumesAnAnnotator() throws Exception {
        BrowserScript.run("workflow.mjs", port, Duration.ofMinutes(3));
        assertThat(BrowserScript.artifacts().resolve("workflow-settings.png")).exists();
    }
}
