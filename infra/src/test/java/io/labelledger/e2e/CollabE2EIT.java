package io.labelledger.e2e;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's collaboration features in a real browser (ui/e2e/collab.mjs, issue 10): drafts survive a reload, fix and
 * accept keeps both versions (stepped through in the history), a comment on a region pushed to the bell deep-links
 * back to it, the keyboard help, a task whose media cannot load can be skipped, and a deep link after sign-in.
 */
class CollabE2EIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void draftsReviewCommentsNotificationsDeepLinksAndHistoryInTheBrowser() throws Exception {
        BrowserScript.run("collab.mjs", port, Duration.ofMinutes(4));
        assertThat(BrowserScript.artifacts().resolve("collab-region-link.png")).exists();
    }
}
