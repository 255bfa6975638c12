package io.labelledger.quality;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import io.labelledger.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The analysts' SQL surface (issue 13, ADR 0049): connected as the read-only role {@code labelledger_analyst} that V59
 * creates, every view of the {@code analytics} schema answers with the figures the application shows, writes and the
 * base tables are refused, and a projection rebuild (tables swapped, ADR 0029) leaves the views in place and equal.
 */
class AnalyticsIT extends IntegrationTest {
    static final List<String> VIEWS = List.of("annotation_labels", "annotations", "annotator_agreement", "annotator_stats",
            "daily_activity", "projects", "reviews", "task_agreement", "tasks");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${labelledger.operator.token}")
    String operatorToken;

    @Test
    void theAnalystReadsEveryViewAndNothingElse() throws Exception {
        ApiClient owner = ApiClient.signUp(port, "Olga");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        ApiClient rita = ApiClient.signUpWithInvitation(port, "Rita", owner.invite("REVIEWER"));
        String project = owner.createProject("Streets for BI", AgreementIT.CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        owner.addProjectMember(project, bob.userId, "ANNOTATOR");
        owner.addProjectMember(project, rita.userId, "REVIEWER");
        owner.importTasks(project, "[{\"image\":\"https://example.com/1.jpg\"},{\"image\":\"https://example.com/2.jpg\"}]", "JSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
        String t1 = taskNumber(project, 1), t2 = taskNumber(project, 2);

        // task 1: both say Street; Bob's box is shifted by half its width (IoU 1/3): agreement (1 + 1/3) / 2 = 2/3
        String a1 = ann.submit(t1, List.of(scene("Street"), box(0, "Car")));
        bob.submit(t1, List.of(scene("Street"), box(5, "Car")));
        ann.submit(t2, List.of(scene("Park")));
        rita.graphql().document("mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) { errors { code } } }")
            .variable("i", Map.of("taskId", t1, "annotationId", a1, "decision", "ACCEPTED")).execute()
            .path("reviewAnnotation.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM q_task WHERE task_id = ? AND agreement IS NOT NULL", Integer.class, t1) == 1
                && jdbc.queryForObject("SELECT count(*) FROM dm_annotation WHERE annotation_id = ? AND review_decision = 'ACCEPTED'", Integer.class, a1) == 1
                && jdbc.queryForObject("SELECT count(*) FROM dm_annotation WHERE project_id = ?", Integer.class, project) == 3);

        try (Connection analyst = analyst()) {
            // the contract: exactly these views, and each answers for this project
            assertThat(strings(analyst, "SELECT table_name FROM information_schema.views WHERE table_schema = 'analytics' ORDER BY 1"))
                    .containsExactlyElementsOf(VIEWS);
            for (String view : VIEWS) assertThat(rows(analyst, view, project)).as(view).isNotEmpty();

            // the figures are the application's
            assertThat(strings(analyst, "SELECT control || ':' || label FROM annotation_labels WHERE project_id = ? AND label IS NOT NULL ORDER BY 1", project))
                    .containsExactly("box:Car", "box:Car", "scene:Park", "scene:Street", "scene:Street");
            assertThat(number(analyst, "SELECT agreement FROM task_agreement WHERE task_id = ?", t1)).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(number(analyst, "SELECT agreement FROM annotator_agreement WHERE project_id = ?", project)).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(number(analyst, "SELECT agreement_with_others FROM annotator_stats WHERE project_id = ? AND user_id = ?", project, bob.userId))
                    .isCloseTo(2 / 3.0, within(1e-9));
            assertThat(number(analyst, "SELECT annotations FROM annotator_stats WHERE project_id = ? AND user_id = ?", project, ann.userId)).isEqualTo(2);
            assertThat(number(analyst, "SELECT accepted FROM annotator_stats WHERE project_id = ? AND user_id = ?", project, ann.userId)).isEqualTo(1);
            assertThat(strings(analyst, "SELECT decision || ' by ' || reviewer_id FROM reviews WHERE project_id = ?", project))
                    .containsExactly("ACCEPTED by " + rita.userId);
            // (summed over the days: a run may cross midnight UTC)
            assertThat(strings(analyst, "SELECT concat_ws(',', sum(tasks_created), sum(annotations_created), sum(reviews), sum(accepted), max(tasks_total),"
                                        + " max(annotations_total)) FROM daily_activity WHERE project_id = ?", project))
                    .containsExactly("2,3,1,1,2,3");

            // read-only, and only the views
            assertThat(strings(analyst, "SHOW default_transaction_read_only")).containsExactly("on");
            for (String refused : List.of("SELECT count(*) FROM public.dm_task", "SELECT count(*) FROM public.user_account",
                    "SELECT count(*) FROM public.domain_event_entry", "SELECT count(*) FROM public.q_matrix_cell",
                    "SELECT count(*) FROM public.api_token")) {
                assertRefused(analyst, refused, "42501");
            }
            try (Statement s = analyst.createStatement()) {
                s.execute("SET default_transaction_read_only = off"); // even then: no privilege to write
            }
            for (String refused : List.of("INSERT INTO analytics.projects (project_id) VALUES ('x')",
                    "UPDATE analytics.annotations SET author_id = 'x'", "DELETE FROM analytics.tasks",
                    "CREATE TABLE analytics.mine (a int)", "CREATE TABLE public.mine (a int)",
                    "CREATE VIEW analytics.mine AS SELECT 1", "DROP VIEW analytics.tasks")) {
                assertRefused(analyst, refused, "42501");
            }
        }

        // a rebuild swaps the tables under the views (ADR 0029): the views follow the rebuilt tables, rows unchanged
        Map<String, List<String>> before = snapshot(project);
        for (String projection : List.of("DATA_MANAGER", "QUALITY")) {
            ApiClient.web(port).post().uri("/api/operator/projections/" + projection + "/rebuild")
                     .header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken).exchange().expectStatus().isAccepted();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> "DONE".equals(state(projection)));
        }
        assertThat(snapshot(project)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'll\\_retired\\_%'", Integer.class)).isZero();
    }

    // ---- helpers ----

    /** A connection as the role V59 created (no password: local test servers trust loopback connections). */
    static Connection analyst() throws SQLException {
        String admin = TestServers.jdbcUrl();
        URI uri = URI.create(admin.substring("jdbc:".length()));
        return DriverManager.getConnection("jdbc:postgresql://" + uri.getRawAuthority() + uri.getRawPath() + "?user=labelledger_analyst");
    }

    private Map<String, List<String>> snapshot(String project) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection analyst = analyst()) {
            for (String view : VIEWS) out.put(view, rows(analyst, view, project));
        }
        return out;
    }

    private static List<String> rows(Connection c, String view, String project) throws SQLException {
        return strings(c, "SELECT row_to_json(v)::text FROM analytics." + view + " v WHERE project_id = ? ORDER BY 1", project);
    }

    private static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static double number(Connection c, String sql, Object... args) throws SQLException {
        List<String> values = strings(c, sql, args);
        assertThat(values).as(sql).hasSize(1);
        return Double.parseDouble(values.getFirst());
    }

    private static void assertRefused(Connection c, String sql, String sqlState) {
        assertThatThrownBy(() -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo(sqlState));
    }

    private String taskNumber(String project, long number) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT task_id FROM dm_task WHERE project_id = ? AND number = ?", String.class, project, number).stream().findFirst().orElse(null),
                id -> id != null);
    }

    private static Map<String, Object> scene(String value) {
        return Map.of("from_name", "scene", "to_name", "img", "type", "choices", "value", Map.of("choices", List.of(value)));
    }

    private static Map<String, Object> box(double x, String label) {
        return Map.of("id", "r" + (int) x + label, "from_name", "box", "to_name", "img", "type", "rectanglelabels",
                "original_width", 200, "original_height", 100,
                "value", Map.of("x", x, "y", 0, "width", 10, "height", 10, "rotation", 0, "rectanglelabels", List.of(label)));
    }

    private String state(String name) {
        List<?> all = ApiClient.web(port).get().uri("/api/operator/projections").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken)
                               .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return all.stream().map(o -> (Map<?, ?>) o).filter(m -> name.equals(m.get("name"))).map(m -> (String) m.get("state")).findFirst().orElseThrow();
    }
}
