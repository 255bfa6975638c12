package io.labelledger.e2e;

import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every data-type family that e2e.mjs does not label, in a real browser (ui/e2e/families.mjs, ADR 0031 / 0035):
 * HyperText and Paragraphs spans, a TimeSeries range, the editor's Video with a classification, KeyPoint, Ellipse
 * and Brush, the five region tools without labels, a labelled relation from a {@code <Relations>} list, Pairwise, and
 * our own Ranker with a List, Pdf and VideoRectangle. Each: labelled, submitted, the export
 * equal to what the page produced, the Data Manager showing it annotated, reopened unchanged. Screenshots in
 * infra/target/e2e.
 */
class FamiliesE2EIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void everyDataTypeFamilyIsLabelledExportedAndReopened() throws Exception {
        BrowserScript.run("families.mjs", port, Duration.ofMinutes(3));
        assertThat(BrowserScript.artifacts().resolve("lsf-videorectangle.png")).exists();
        assertThat(BrowserScript.artifacts().resolve("lsf-image-tools.png")).exists();
        assertThat(BrowserScript.artifacts().resolve("lsf-relations.png")).exists();
    }
}
