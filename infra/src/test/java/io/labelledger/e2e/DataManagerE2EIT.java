package io.labelledger.e2e;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Data Manager in a real browser (ui/e2e/datamanager.mjs, issue 12): a filter with two conditions, saved as a
 * tab, brought back by a reload and by Back from the URL, the separate match count, all matching tasks selected,
 * "export selected" downloading exactly the selected tasks, the quick view stepped with the arrow keys, and live rows
 * and count merged into the filtered, sorted view.
 */
class DataManagerE2EIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void filterSaveAsTabReloadAndSelectAllMatching() throws Exception {
        BrowserScript.run("datamanager.mjs", port, Duration.ofMinutes(5));
        assertThat(BrowserScript.artifacts().resolve("datamanager-filter.png")).exists();
        assertThat(BrowserScript.artifacts().resolve("datamanager-quick-view.png")).exists();
    }
}
