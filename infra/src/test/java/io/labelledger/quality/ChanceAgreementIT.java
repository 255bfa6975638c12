package io.labelledger.quality;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Chance-corrected statistics through GraphQL (issue 13, ADR 0049): three annotators answer a Choices control on four
 * tasks (one answer missing); Krippendorff's alpha, Fleiss' kappa and each pair's Cohen's kappa are the hand-computed
 * values, and the region control of the same results is left out.
 */
class ChanceAgreementIT extends IntegrationTest {
    static final String QUERY = """
            query($p: ID!) { projectQuality(projectId: $p) { chanceCorrected {
              control resultType tasks raters categories fleissKappa krippendorffAlpha meanCohensKappa
              cohensKappa { userA userB tasks kappa } } } }""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void kappasAndAlphaOfAProjectsChoices() {
        ApiClient owner = ApiClient.signUp(port, "Kim");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        ApiClient cid = ApiClient.signUpWithInvitation(port, "Cid", owner.invite("ANNOTATOR"));
        String project = owner.createProject("Kappa", AgreementIT.CONFIG);
        for (ApiClient a : List.of(ann, bob, cid)) owner.addProjectMember(project, a.userId, "ANNOTATOR");
        owner.importTasks(project, "[{\"image\":\"https://example.com/1.jpg\"},{\"image\":\"https://example.com/2.jpg\"},"
                                   + "{\"image\":\"https://example.com/3.jpg\"},{\"image\":\"https://example.com/4.jpg\"}]", "JSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(4);
        // S = Street, P = Park; Cid does not annotate task 4
        String[][] answers = {{"Street", "Street", "Street"}, {"Park", "Park", "Street"}, {"Street", "Park", "Park"}, {"Park", "Park", null}};
        List<ApiClient> people = List.of(ann, bob, cid);
        for (int t = 0; t < answers.length; t++) {
            String task = task(project, t + 1);
            for (int p = 0; p < 3; p++) {
                if (answers[t][p] != null) people.get(p).submit(task, List.of(scene(answers[t][p]), box()));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM q_annotation WHERE project_id = ?", Integer.class, project) == 11);

        Map<String, Object> answer = owner.post(QUERY, Map.of("p", project));
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        List<Map<String, Object>> controls = path(answer);
        assertThat(controls).hasSize(1); // the RectangleLabels control is not categorical
        Map<String, Object> scene = controls.getFirst();
        assertThat(scene).containsEntry("control", "scene").containsEntry("resultType", "choices")
                         .containsEntry("tasks", 4).containsEntry("raters", 3).containsEntry("categories", 2);
        // hand-computed over the table above (docs/quality-metrics.md has the formulas)
        assertThat((Double) scene.get("krippendorffAlpha")).isCloseTo(1 / 3.0, within(1e-9));
        assertThat((Double) scene.get("fleissKappa")).isCloseTo(0.327777777777, within(1e-9));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pairs = (List<Map<String, Object>>) scene.get("cohensKappa");
        Map<String, Double> byPair = new java.util.HashMap<>();
        for (Map<String, Object> k : pairs) byPair.put(k.get("userA") + "|" + k.get("userB"), (Double) k.get("kappa"));
        assertThat(byPair.get(key(ann, bob))).isCloseTo(0.5, within(1e-9));
        assertThat(byPair.get(key(ann, cid))).isCloseTo(-0.5, within(1e-9));
        assertThat(byPair.get(key(bob, cid))).isCloseTo(0.4, within(1e-9));
        assertThat((Double) scene.get("meanCohensKappa")).isCloseTo(0.4 / 3, within(1e-9));

        // annotators never see other people's figures
        assertThat(ApiClient.classifications(ann.post(QUERY, Map.of("p", project)))).containsExactly("FORBIDDEN");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> path(Map<String, Object> answer) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("projectQuality")).get("chanceCorrected");
    }

    private static String key(ApiClient a, ApiClient b) {
        return a.userId.compareTo(b.userId) < 0 ? a.userId + "|" + b.userId : b.userId + "|" + a.userId;
    }

    private String task(String project, long number) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT task_id FROM dm_task WHERE project_id = ? AND number = ?", String.class, project, number).stream().findFirst().orElse(null),
                id -> id != null);
    }

    private static Map<String, Object> scene(String value) {
        return Map.of("from_name", "scene", "to_name", "img", "type", "choices", "value", Map.of("choices", List.of(value)));
    }

    private static Map<String, Object> box() {
        return Map.of("id", "r1", "from_name", "box", "to_name", "img", "type", "rectanglelabels", "original_width", 200, "original_height", 100,
                "value", Map.of("x", 0, "y", 0, "width", 10, "height", 10, "rotation", 0, "rectanglelabels", List.of("Car")));
    }
}
