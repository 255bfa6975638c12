package io.labelledger.e2e;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team workflow in a real browser (ui/e2e/workflow.mjs, issue 11): the Settings tab's sections, pausing with a
 * reason the annotator sees, instructions before labeling once per session, two annotators' label streams with a skip
 * requeued to the other, a bulk label of 10 ticked tasks and a deletion in the Data Manager. Screenshots in
 * infra/target/e2e (workflow-settings.png is the Settings tab).
 */
class WorkflowBrowserIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void aManagerSetsTheWorkflowAnnotatorsLabelThroughTheirStreamsAndTheManagerActsInBulk() throws Exception {
        BrowserScript.run("workflow.mjs", port, Duration.ofMinutes(6));
        assertThat(BrowserScript.artifacts().resolve("workflow-settings.png")).exists();
    }
}
