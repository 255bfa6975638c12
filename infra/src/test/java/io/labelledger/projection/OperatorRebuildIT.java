package io.labelledger.projection;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9 #5: {@code rebuildProjection} was installation-wide and open to any Owner (a free sign-up blanked every
 * tenant's members table or Data Manager). Now it is the instance operator's (token-only REST endpoints), and a rebuild
 * goes into shadow tables that are swapped in, so readers never see an empty view (ADR 0029).
 */
class OperatorRebuildIT extends IntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${labelledger.operator.token}")
    String operatorToken;

    @Test
    void anOwnerCannotRebuildAnything() {
        ApiClient owner = ApiClient.signUp(port, "Mallory");
        // the organization-level mutation is gone: the attack of the issue is refused by the schema
        Map<String, Object> answer = owner.post("mutation { rebuildProjection(input: {name: DIRECTORY}) { started } }", Map.of());
        assertThat(answer.get("data")).isNull();
        assertThat(answer.get("errors")).asList().isNotEmpty();
        // the operator endpoints read no session and no API token
        for (String path : List.of("/api/operator/projections", "/api/operator/projections/DIRECTORY/rebuild")) {
            ApiClient.web(port).post().uri(path).header(HttpHeaders.COOKIE, owner.cookie).exchange().expectStatus().isUnauthorized();
            ApiClient.web(port).post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer llt_not-the-operator")
                     .exchange().expectStatus().isUnauthorized();
            ApiClient.web(port).post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken + "x")
                     .exchange().expectStatus().isUnauthorized();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name LIKE 'shadow-%'", Integer.class)).isZero();
    }

    @Test
    void aRebuildWhileReadingNeverShowsAnEmptyViewAndEqualsTheLiveTables() throws Exception {
        ApiClient owner = ApiClient.signUp(port, "Reader");
        String project = owner.createProject("Rebuilt while read", ApiClient.TEXT_CONFIG);
        StringBuilder tasks = new StringBuilder("[");
        for (int i = 0; i < 200; i++) tasks.append(i == 0 ? "" : ",").append("{\"text\":\"t").append(i).append("\"}");
        owner.importTasks(project, tasks.append("]").toString(), "JSON", "ALL_OR_NOTHING");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("dm_task", project) == 200 && count("rm_project", project) == 1);
        Map<String, List<String>> before = snapshot();

        AtomicBoolean reading = new AtomicBoolean(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (reading.get()) {
                int tasksSeen = count("dm_task", project), projectsSeen = count("rm_project", project);
                if (tasksSeen != 200 || projectsSeen != 1) seen.add(tasksSeen + " tasks, " + projectsSeen + " project rows");
                // and what users read: the project through the API (R2DBC)
                Map<String, Object> p = owner.post("query($id: ID!) { project(id: $id) { id } }", Map.of("id", project));
                if (!(p.get("data") instanceof Map<?, ?> d) || d.get("project") == null) seen.add("project not found through the API: " + p);
            }
        });

        ApiClient.web(port).post().uri("/api/operator/projections/DATA_MANAGER/rebuild")
                 .header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken).exchange().expectStatus().isAccepted()
                 .expectBody().jsonPath("$.name").isEqualTo("DATA_MANAGER");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> "DONE".equals(state("DATA_MANAGER")));
        reading.set(false);
        reader.join();

        assertThat(seen).as("what readers saw during the rebuild").isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(snapshot()).isEqualTo(before));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name LIKE 'shadow-%'", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'll\\_shadow\\_%' OR nspname LIKE 'll\\_retired\\_%'", String.class)).isEmpty();

        // the live processor goes on after the swap: a new task appears in the rebuilt tables
        owner.importTasks(project, "[{\"text\":\"after\"}]", "JSON", "ALL_OR_NOTHING");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("dm_task", project) == 201);
    }

    private String state(String name) {
        List<?> all = ApiClient.web(port).get().uri("/api/operator/projections").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken)
                               .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return all.stream().map(o -> (Map<?, ?>) o).filter(m -> name.equals(m.get("name"))).map(m -> (String) m.get("state")).findFirst().orElseThrow();
    }

    private int count(String table, String project) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE project_id = ?", Integer.class, project);
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : Projection.DATA_MANAGER.tables()) {
            tables.put(table, new ArrayList<>(jdbc.queryForList("SELECT row_to_json(t)::text AS r FROM " + table + " t ORDER BY 1", String.class)));
        }
        return tables;
    }
}
