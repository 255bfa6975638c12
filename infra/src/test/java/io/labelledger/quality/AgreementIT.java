package io.labelledger.quality;

import io.labelledger.projection.Projection;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Live agreement end to end (issue 13): three annotators on a small image project (a Choices and a RectangleLabels
 * control), the matrix and per-person figures through GraphQL, ground truth, a deletion moving the matrix by its
 * difference, "as of" recomputed from the events, and a rebuild by replay giving the live rows.
 */
class AgreementIT extends IntegrationTest {
    static final String CONFIG = """
            <View><Image name="img" value="$image"/>
            <RectangleLabels name="box" toName="img"><Label value="Car"/><Label value="Bus"/></RectangleLabels>
            <Choices name="scene" toName="img" choice="single"><Choice value="Street"/><Choice value="Park"/></Choices></View>""";
    static final String QUALITY = """
            query($p: ID!) { projectQuality(projectId: $p) {
              agreement scoredTasks groundTruthAccuracy groundTruthTasks
              matrix { userA userB agreement pairs }
              annotators { user { id displayName } annotations agreementWithOthers pairs groundTruthAccuracy groundTruthTasks }
              tasks { taskId number agreement annotations } } }""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${labelledger.operator.token}")
    String operatorToken;

    @Test
    void threeAnnotatorsMakeTheMatrixAndItFollowsEveryChange() {
        ApiClient owner = ApiClient.signUp(port, "Olga");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        ApiClient cid = ApiClient.signUpWithInvitation(port, "Cid", owner.invite("ANNOTATOR"));
        ApiClient rita = ApiClient.signUpWithInvitation(port, "Rita", owner.invite("REVIEWER"));
        String project = owner.createProject("Streets", CONFIG);
        for (ApiClient a : List.of(ann, bob, cid)) owner.addProjectMember(project, a.userId, "ANNOTATOR");
        owner.addProjectMember(project, rita.userId, "REVIEWER");
        owner.importTasks(project, "[{\"image\":\"https://example.com/1.jpg\"},{\"image\":\"https://example.com/2.jpg\"}]", "JSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
        String t1 = task(owner, project, 1), t2 = task(owner, project, 2);

        // task 1: Ann and Bob say Street, Cid Park; Bob's box is shifted by half (IoU 1/3)
        String a1 = ann.submit(t1, List.of(scene("Street"), box(0, "Car")));
        bob.submit(t1, List.of(scene("Street"), box(5, "Car")));
        String c1 = cid.submit(t1, List.of(scene("Park"), box(0, "Car")));
        // task 2: Ann and Bob agree fully
        ann.submit(t2, List.of(scene("Park"), box(20, "Bus")));
        bob.submit(t2, List.of(scene("Park"), box(20, "Bus")));

        // pairs (mean of the two controls): Ann–Bob (1 + 1/3)/2 = 2/3, Ann–Cid (0 + 1)/2 = 1/2, Bob–Cid (0 + 1/3)/2 = 1/6
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(quality(owner, project).get("scoredTasks")).isEqualTo(2));
        Map<String, Object> q = quality(owner, project);
        assertThat((Double) q.get("agreement")).isCloseTo((4 / 9.0 + 1) / 2, within(1e-9));
        Map<String, Double> matrix = cells(q);
        assertThat(matrix).hasSize(3);
        assertThat(matrix.get(key(ann, bob))).isCloseTo((2 / 3.0 + 1) / 2, within(1e-9));
        assertThat(matrix.get(key(ann, cid))).isCloseTo(0.5, within(1e-9));
        assertThat(matrix.get(key(bob, cid))).isCloseTo(1 / 6.0, within(1e-9));
        Map<String, Map<String, Object>> people = people(q);
        assertThat((Double) people.get(ann.userId).get("agreementWithOthers")).isCloseTo(13 / 18.0, within(1e-9));
        assertThat((Double) people.get(bob.userId).get("agreementWithOthers")).isCloseTo(11 / 18.0, within(1e-9));
        assertThat((Double) people.get(cid.userId).get("agreementWithOthers")).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(people.get(ann.userId).get("annotations")).isEqualTo(2);
        assertThat(((Map<?, ?>) people.get(cid.userId).get("user")).get("displayName")).isEqualTo("Cid");
        // the per-task list: lowest first
        List<Map<String, Object>> tasks = list(q, "tasks");
        assertThat(tasks).extracting(t -> t.get("taskId")).containsExactly(t1, t2);
        assertThat((Double) tasks.get(0).get("agreement")).isCloseTo(4 / 9.0, within(1e-9));

        // the reviewer sees the figures; an annotator never sees other people's scores
        assertThat(rita.post(QUALITY, Map.of("p", project)).get("errors")).isNull();
        assertThat(ApiClient.classifications(ann.post(QUALITY, Map.of("p", project)))).containsExactly("FORBIDDEN");

        // ground truth: Ann's annotation of task 1; Bob scores 2/3 against it, Cid 1/2
        owner.graphql().document("mutation($i: SetGroundTruthInput!) { setGroundTruth(input: $i) { errors { code } } }")
             .variable("i", Map.of("taskId", t1, "annotationId", a1, "groundTruth", true)).execute()
             .path("setGroundTruth.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(quality(owner, project).get("groundTruthTasks")).isEqualTo(1));
        q = quality(owner, project);
        assertThat((Double) q.get("groundTruthAccuracy")).isCloseTo(7 / 12.0, within(1e-9));
        people = people(q);
        assertThat((Double) people.get(bob.userId).get("groundTruthAccuracy")).isCloseTo(2 / 3.0, within(1e-9));
        assertThat((Double) people.get(cid.userId).get("groundTruthAccuracy")).isCloseTo(0.5, within(1e-9));
        assertThat(people.get(ann.userId).get("groundTruthAccuracy")).isNull();

        // Cid deletes their annotation: the cells with Cid go, task 1 is Ann–Bob only (2/3)
        Instant beforeDelete = Instant.now();
        await().pollDelay(Duration.ofMillis(50)).until(() -> true);
        cid.graphql().document("mutation($i: DeleteAnnotationInput!) { deleteAnnotation(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", t1, "annotationId", c1)).execute()
           .path("deleteAnnotation.errors").entityList(Object.class).hasSize(0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cells(quality(owner, project))).hasSize(1));
        q = quality(owner, project);
        assertThat(cells(q).get(key(ann, bob))).isCloseTo((2 / 3.0 + 1) / 2, within(1e-9));
        assertThat((Double) list(q, "tasks").get(0).get("agreement")).isCloseTo(2 / 3.0, within(1e-9));

        // as of before the deletion, recomputed from the events: three annotations, 4/9 again
        Map<String, Object> then = data(owner.post("query($t: ID!, $at: DateTime) { taskAgreement(taskId: $t, asOf: $at) { agreement annotations groundTruthAgreement } }",
                Map.of("t", t1, "at", beforeDelete.toString())), "taskAgreement");
        assertThat(then.get("annotations")).isEqualTo(3);
        assertThat((Double) then.get("agreement")).isCloseTo(4 / 9.0, within(1e-9));
        Map<String, Object> now = data(owner.post("query($t: ID!) { taskAgreement(taskId: $t) { agreement annotations } }", Map.of("t", t1)), "taskAgreement");
        assertThat((Double) now.get("agreement")).isCloseTo(2 / 3.0, within(1e-9));

        // a rebuild by replay gives the same figures as the live, incremental ones
        Map<String, Object> live = quality(owner, project);
        ApiClient.web(port).post().uri("/api/operator/projections/QUALITY/rebuild")
                 .header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken).exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> "DONE".equals(state("QUALITY")));
        assertThat(rounded(quality(owner, project))).isEqualTo(rounded(live));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM q_pair WHERE project_id = ?", Integer.class, project)).isEqualTo(2);
        assertThat(Projection.QUALITY.tables()).contains("q_matrix_cell");
    }

    @Test
    void anotherOrganizationsProjectHasNoFigures() {
        ApiClient owner = ApiClient.signUp(port, "Owen");
        ApiClient stranger = ApiClient.signUp(port, "Eve");
        String project = owner.createProject("Private", CONFIG);
        Map<String, Object> answer = stranger.post(QUALITY, Map.of("p", project));
        assertThat(answer.get("data") instanceof Map<?, ?> d ? d.get("projectQuality") : null).isNull();
        assertThat(ApiClient.classifications(stranger.post("query { projectQuality(projectId: \"not-an-id\") { agreement } }", Map.of())))
                .doesNotContain("INTERNAL_ERROR");
    }

    @Test
    void theMetricCatalogueListsEveryControlFamily() {
        ApiClient owner = ApiClient.signUp(port, "Mia");
        Map<String, Object> answer = owner.post("query { agreementMetrics { resultTypes metrics { name parameters { name default } } } }", Map.of());
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> kinds = (List<Map<String, Object>>) ((Map<String, Object>) answer.get("data")).get("agreementMetrics");
        assertThat(kinds).anySatisfy(k -> assertThat(String.valueOf(k.get("resultTypes"))).contains("rectanglelabels"));
        assertThat(kinds).hasSize(io.labelledger.quality.metrics.ControlKind.values().length);
    }

    // ---- helpers ----

    private static Map<String, Object> scene(String value) {
        return Map.of("from_name", "scene", "to_name", "img", "type", "choices", "value", Map.of("choices", List.of(value)));
    }

    private static Map<String, Object> box(double x, String label) {
        return Map.of("id", "r" + (int) x + label, "from_name", "box", "to_name", "img", "type", "rectanglelabels",
                "original_width", 200, "original_height", 100,
                "value", Map.of("x", x, "y", 0, "width", 10, "height", 10, "rotation", 0, "rectanglelabels", List.of(label)));
    }

    private static String task(ApiClient owner, String project, int number) {
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            Map<String, Object> p = data(owner.post("query($p: ID!) { project(id: $p) { tasks(first: 10) { edges { node { id number } } } } }",
                    Map.of("p", project)), "project");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) p.get("tasks")).get("edges");
            return edges.stream().map(e -> (Map<?, ?>) e.get("node")).filter(n -> ((Number) n.get("number")).intValue() == number)
                        .map(n -> (String) n.get("id")).findFirst().orElse(null);
        }, id -> id != null);
    }

    private Map<String, Object> quality(ApiClient who, String project) {
        return data(who.post(QUALITY, Map.of("p", project)), "projectQuality");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> answer, String field) {
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String field) {
        return (List<Map<String, Object>>) map.get(field);
    }

    private static String key(ApiClient a, ApiClient b) {
        return a.userId.compareTo(b.userId) < 0 ? a.userId + "|" + b.userId : b.userId + "|" + a.userId;
    }

    private static Map<String, Double> cells(Map<String, Object> q) {
        Map<String, Double> out = new HashMap<>();
        for (Map<String, Object> c : list(q, "matrix")) out.put(c.get("userA") + "|" + c.get("userB"), ((Number) c.get("agreement")).doubleValue());
        return out;
    }

    private static Map<String, Map<String, Object>> people(Map<String, Object> q) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> p : list(q, "annotators")) out.put((String) ((Map<?, ?>) p.get("user")).get("id"), p);
        return out;
    }

    /** The figures with every number rounded to 9 places (sums moved by differences may differ in the last bits). */
    private static String rounded(Object o) {
        return switch (o) {
            case Double d -> String.format("%.9f", d);
            case Map<?, ?> m -> new java.util.TreeMap<>(m).entrySet().stream().map(e -> e.getKey() + "=" + rounded(e.getValue())).toList().toString();
            case List<?> l -> l.stream().map(AgreementIT::rounded).toList().toString();
            case null -> "null";
            default -> o.toString();
        };
    }

    private String state(String name) {
        List<?> all = ApiClient.web(port).get().uri("/api/operator/projections").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken)
                               .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return all.stream().map(o -> (Map<?, ?>) o).filter(m -> name.equals(m.get("name"))).map(m -> (String) m.get("state")).findFirst().orElseThrow();
    }
}
