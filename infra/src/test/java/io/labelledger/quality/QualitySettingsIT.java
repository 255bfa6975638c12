package io.labelledger.quality;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Per-project agreement settings (issue 13, ADR 0049): a change rescores the project's tasks, later annotations are
 * scored with it, "as of" uses the settings of its instant, a rebuild by replay gives the live figures, and the input is
 * checked against the labeling config. Annotators may not change them.
 */
class QualitySettingsIT extends IntegrationTest {
    static final String CHANGE = """
            mutation($i: ChangeQualitySettingsInput!) { changeQualitySettings(input: $i) {
              settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } }
              errors { code field } } }""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${labelledger.operator.token}")
    String operatorToken;

    @Test
    void aSettingsChangeRescoresTheProjectAndReplaysTheSame() {
        ApiClient owner = ApiClient.signUp(port, "Sol");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        String project = owner.createProject("Weighted", AgreementIT.CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        owner.addProjectMember(project, bob.userId, "ANNOTATOR");
        owner.importTasks(project, "[{\"image\":\"https://example.com/1.jpg\"},{\"image\":\"https://example.com/2.jpg\"}]", "JSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
        String t1 = task(project, 1), t2 = task(project, 2);
        // the scene agrees (1), the boxes overlap by IoU 1/3: (1 + 1/3) / 2 with the defaults
        ann.submit(t1, List.of(scene("Street"), box(0)));
        bob.submit(t1, List.of(scene("Street"), box(5)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(agreement(t1)).isCloseTo(2 / 3.0, within(1e-9)));
        Instant beforeChange = Instant.now();
        await().pollDelay(Duration.ofMillis(50)).until(() -> true);

        // when the boxes weigh nothing, then task 1 is the scene only
        Map<String, Object> changed = owner.post(CHANGE, Map.of("i", Map.of("projectId", project,
                "controls", List.of(Map.of("control", "box", "weight", 0)))));
        assertThat(changed.get("errors")).as("errors in " + changed).isNull();
        assertThat(payload(changed).get("errors")).isEqualTo(List.of());
        assertThat(((Map<?, ?>) payload(changed).get("settings")).get("version")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(agreement(t1)).isCloseTo(1.0, within(1e-9)));

        // when the scene weighs nothing and the boxes are back, with F1 at a threshold of 0.3 (IoU 1/3 matches): 1
        changed = owner.post(CHANGE, Map.of("i", Map.of("projectId", project, "controls", List.of(
                Map.of("control", "scene", "weight", 0),
                Map.of("control", "box", "metric", "f1", "parameters", List.of(Map.of("name", "iou_threshold", "value", 0.3)))))));
        assertThat(((Map<?, ?>) payload(changed).get("settings")).get("version")).isEqualTo(2);
        // a later annotation is scored with them: task 2's boxes overlap by IoU 1/3 too, the scenes differ (weight 0)
        ann.submit(t2, List.of(scene("Street"), box(0)));
        bob.submit(t2, List.of(scene("Park"), box(5)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(agreement(t2)).isCloseTo(1.0, within(1e-9));
            assertThat(agreement(t1)).isCloseTo(1.0, within(1e-9));
        });
        Map<String, Object> settings = data(owner.post("query($p: ID!) { projectQuality(projectId: $p) { settings { version controls { control metric weight parameters { name value } } } } }",
                Map.of("p", project)), "projectQuality");
        assertThat(settings.toString()).contains("version=2", "control=box", "metric=f1", "iou_threshold", "control=scene");

        // "as of" before the change scores with the settings of that instant
        Map<String, Object> then = data(owner.post("query($t: ID!, $at: DateTime) { taskAgreement(taskId: $t, asOf: $at) { agreement } }",
                Map.of("t", t1, "at", beforeChange.toString())), "taskAgreement");
        assertThat((Double) then.get("agreement")).isCloseTo(2 / 3.0, within(1e-9));

        // a rebuild by replay applies each change in its place: the same rows
        List<Map<String, Object>> live = jdbc.queryForList("SELECT task_id, round(agreement::numeric, 9) AS a FROM q_task WHERE project_id = ? ORDER BY number", project);
        ApiClient.web(port).post().uri("/api/operator/projections/QUALITY/rebuild")
                 .header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken).exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> "DONE".equals(state("QUALITY")));
        assertThat(jdbc.queryForList("SELECT task_id, round(agreement::numeric, 9) AS a FROM q_task WHERE project_id = ? ORDER BY number", project))
                .isEqualTo(live);
        assertThat(jdbc.queryForObject("SELECT settings_version FROM q_project_settings WHERE project_id = ?", Integer.class, project)).isEqualTo(2);
    }

    @Test
    void theInputIsCheckedAndAnnotatorsMayNotChangeIt() {
        ApiClient owner = ApiClient.signUp(port, "Val");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        String project = owner.createProject("Checked", AgreementIT.CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("control", "nope"),
                Map.<String, Object>of("control", "scene", "metric", "iou"),
                Map.<String, Object>of("control", "box", "metric", "f1", "parameters", List.of(Map.of("name", "iou_threshold", "value", 2))),
                Map.<String, Object>of("control", "box", "labelWeights", List.of(Map.of("label", "Truck", "weight", 2))),
                Map.<String, Object>of("control", "box", "weight", -1))) {
            Map<String, Object> answer = owner.post(CHANGE, Map.of("i", Map.of("projectId", project, "controls", List.of(bad))));
            assertThat(answer.get("errors")).as(bad + ": " + answer).isNull();
            assertThat(payload(answer).get("settings")).as(bad.toString()).isNull();
            assertThat(payload(answer).get("errors").toString()).as(bad.toString()).contains("code=VALIDATION");
        }
        Map<String, Object> twice = owner.post(CHANGE, Map.of("i", Map.of("projectId", project,
                "controls", List.of(Map.of("control", "box"), Map.of("control", "box")))));
        assertThat(payload(twice).get("errors").toString()).contains("code=VALIDATION");
        // the policy refuses an Annotator (as a GraphQL error or in the payload, as for every mutation it refuses)
        Map<String, Object> refused = ann.post(CHANGE, Map.of("i", Map.of("projectId", project, "controls", List.of(Map.of("control", "box", "weight", 0)))));
        assertThat(ApiClient.classifications(refused).contains("FORBIDDEN")
                   || String.valueOf(payload(refused).get("errors")).contains("code=FORBIDDEN")).as(refused.toString()).isTrue();
        // nothing was recorded: the defaults hold
        Map<String, Object> settings = data(owner.post("query($p: ID!) { projectQuality(projectId: $p) { settings { version controls { control } } } }",
                Map.of("p", project)), "projectQuality");
        assertThat(settings.get("settings")).isEqualTo(Map.of("version", 0, "controls", List.of()));
    }

    // ---- helpers ----

    private Double agreement(String task) {
        return jdbc.queryForList("SELECT agreement FROM q_task WHERE task_id = ?", Double.class, task).stream().findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> answer) {
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("changeQualitySettings");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> answer, String field) {
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
    }

    private String task(String project, long number) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT task_id FROM dm_task WHERE project_id = ? AND number = ?", String.class, project, number).stream().findFirst().orElse(null),
                id -> id != null);
    }

    private static Map<String, Object> scene(String value) {
        return Map.of("from_name", "scene", "to_name", "img", "type", "choices", "value", Map.of("choices", List.of(value)));
    }

    private static Map<String, Object> box(double x) {
        return Map.of("id", "r" + (int) x, "from_name", "box", "to_name", "img", "type", "rectanglelabels",
                "original_width", 200, "original_height", 100,
                "value", Map.of("x", x, "y", 0, "width", 10, "height", 10, "rotation", 0, "rectanglelabels", List.of("Car")));
    }

    private String state(String name) {
        List<?> all = ApiClient.web(port).get().uri("/api/operator/projections").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken)
                               .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return all.stream().map(o -> (Map<?, ?>) o).filter(m -> name.equals(m.get("name"))).map(m -> (String) m.get("state")).findFirst().orElseThrow();
    }
}
