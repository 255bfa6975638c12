package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The synchronous export download is the whole project (issue 12, ADR 0048): a Data Manager selection in its query is
 * refused with a typed error naming {@code selection}, never silently ignored (which exported every task); selections
 * export through export jobs (DataManagerSelectionIT).
 */
class ExportSelectionRefusedIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void aSelectionInTheDownloadsQueryIsRefusedNotIgnored() {
        ApiClient owner = ApiClient.signUp(port, "Esme");
        String project = owner.createProject("Selected export", ApiClient.TEXT_CONFIG);
        owner.importTasks(project, "[{\"text\":\"one\"},{\"text\":\"two\"}]", "JSON", "ALL_OR_NOTHING");
        String task = owner.firstTask(project);
        for (String query : new String[]{"format=JSON&taskIds=" + task, "format=CSV&filter=%7B%7D", "format=JSON&excludedIds=" + task}) {
            owner.export(project, query).expectStatus().isBadRequest()
                 .expectBody().jsonPath("$.errors[0].code").isEqualTo("VALIDATION")
                 .jsonPath("$.errors[0].field[0]").isEqualTo("selection");
        }
        // the whole project still downloads
        owner.export(project, "format=JSON").expectStatus().isOk().expectHeader().valueEquals("X-Task-Count", "2");
    }
}
