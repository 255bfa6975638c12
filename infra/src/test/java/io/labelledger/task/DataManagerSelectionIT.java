package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Data Manager's selection feeding "export selected" and "label the selected" (issue 12, ADR 0038) over real
 * HTTP, PostgreSQL and Redis: the file holds exactly the selected tasks (ticked, or all matching a filter, fixed when
 * the export is created), the audit event records the selection, bad selections are typed refusals that leave no job,
 * another organization's tasks are never selected, and the label stream hands out only selected tasks.
 */
class DataManagerSelectionIT extends IntegrationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String STREAM = """
            query($p: ID!, $s: TaskSelectionInput) { labelStream(projectId: $p, selection: $s) { state task { id number } } }""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient ann;
    String project;
    /** Task ids by number (1..12); task n has data {"text": "task n", "n": n, "tag": "even"|"odd"}. */
    Map<Integer, String> ids;

    @BeforeEach
    void twelveTasks() {
        ann = ApiClient.signUp(port, "Ann");
        project = ann.createProject("Selection", ApiClient.TEXT_CONFIG);
        String ndjson = IntStream.rangeClosed(1, 12)
                .mapToObj(n -> "{\"text\":\"task " + n + "\",\"n\":" + n + ",\"tag\":\"" + (n % 2 == 0 ? "even" : "odd") + "\"}")
                .collect(Collectors.joining("\n", "", "\n"));
        ann.importTasks(project, ndjson, "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(12);
        ids = await().atMost(Duration.ofSeconds(20)).until(() -> taskIds(ann, project), m -> m.size() == 12);
    }

    @Test
    void exportOfTickedTasksHoldsExactlyThoseAndTheAuditEventNamesThem() {
        // when three ticked tasks are exported
        Map<String, Object> payload = createExport(ann, Map.of("taskIds", List.of(ids.get(2), ids.get(5), ids.get(11))));

        // then the job says so and the file holds exactly tasks 2, 5 and 11
        Map<String, Object> job = job(payload);
        assertThat(job).containsEntry("selected", true).containsEntry("totalTasks", 3);
        Map<String, Object> done = awaitEnd((String) job.get("id"));
        assertThat(done).containsEntry("state", "COMPLETED").containsEntry("writtenTasks", 3);
        assertThat(numbersIn(download((String) job.get("id")))).containsExactly(2, 5, 11);

        // and the audit log records the selection: the task numbers
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(auditPayloads()).anySatisfy(p ->
                assertThat(p.get("selection").get("taskNumbers").toString()).isEqualTo("[2,5,11]")));
    }

    @Test
    void exportOfAllMatchingIsFixedWhenCreatedAndRecordsTheFilter() {
        // when every task with n > 8 that is "even" is exported (10 and 12)
        Map<String, Object> filter = Map.of("conjunction", "AND", "conditions", List.of(
                cond("DATA", List.of("n"), "GREATER", 8), cond("DATA", List.of("tag"), "EQUAL", "even")));
        Map<String, Object> job = job(createExport(ann, Map.of("filter", filter)));
        assertThat(job).containsEntry("selected", true).containsEntry("totalTasks", 2);

        // then the file holds exactly those two
        assertThat(awaitEnd((String) job.get("id"))).containsEntry("state", "COMPLETED");
        assertThat(numbersIn(download((String) job.get("id")))).containsExactly(10, 12);
        // and the audit event carries the filter, not a list of numbers
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(auditPayloads()).anySatisfy(p -> {
            assertThat(p.get("selection").get("filter").asString()).contains("\"GREATER\"").contains("\"tag\"");
            assertThat(p.get("selection").get("taskNumbers")).isEmpty();
            assertThat(p.get("taskCount").asInt()).isEqualTo(2);
        }));
    }

    @Test
    void badSelectionsAreTypedRefusalsAndLeaveNoJob() {
        // both ticked tasks and a filter
        assertThat(error(createExport(ann, Map.of("taskIds", List.of(ids.get(1)), "filter", Map.of()))))
                .containsEntry("code", "VALIDATION").containsEntry("field", List.of("selection", "taskIds"));
        // an operator the column does not take
        assertThat(error(createExport(ann, Map.of("filter", Map.of("conditions", List.of(cond("ANNOTATIONS", null, "REGEX", "x")))))))
                .containsEntry("code", "FILTER_OPERATOR").containsEntry("field", List.of("selection", "filter", "conditions", "0", "operator"));
        // too many ticked tasks
        List<String> many = IntStream.range(0, 10_001).mapToObj(i -> java.util.UUID.randomUUID().toString()).toList();
        assertThat(error(createExport(ann, Map.of("taskIds", many)))).containsEntry("code", "VALIDATION");
        // not task ids
        assertThat(error(createExport(ann, Map.of("taskIds", List.of("1; DROP TABLE dm_task"))))).containsEntry("code", "VALIDATION");
        // a filter nothing matches
        assertThat(error(createExport(ann, Map.of("filter", Map.of("conditions", List.of(cond("DATA", List.of("n"), "GREATER", 99)))))))
                .containsEntry("code", "VALIDATION").containsEntry("field", List.of("selection"));

        // no job was created and no selection is left behind
        assertThat(ann.post("query($p: ID!) { exportJobs(projectId: $p) { id } }", Map.of("p", project)).toString()).doesNotContain("id=");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM export_job_task t WHERE NOT EXISTS (SELECT 1 FROM export_job j WHERE j.job_id = t.job_id)",
                Long.class)).isZero();
    }

    @Test
    void anotherOrganizationsTasksAreNeverSelected() {
        // given Eve's own organization and project
        ApiClient eve = ApiClient.signUp(port, "Eve");
        String eveProject = eve.createProject("Eve's", ApiClient.TEXT_CONFIG);

        // when Eve ticks Ann's task ids in her own project: nothing is selected
        assertThat(error(createExport(eve, eveProject, Map.of("taskIds", List.of(ids.get(1), ids.get(2))))))
                .containsEntry("code", "VALIDATION").containsEntry("field", List.of("selection"));
        // and Ann's project is not found for her
        assertThat(error(createExport(eve, project, Map.of("taskIds", List.of(ids.get(1)))))).containsEntry("code", "NOT_FOUND");
        // and her label stream over Ann's tasks has nothing
        Map<String, Object> stream = eve.post(STREAM, Map.of("p", eveProject, "s", Map.of("taskIds", List.of(ids.get(1)))));
        assertThat(stream.get("errors")).isNull();
        assertThat((String) at(stream, "labelStream.state")).isEqualTo("DONE");
    }

    @Test
    void theLabelStreamHandsOutOnlyTheSelectedTasks() {
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ANNOTATOR"));
        ann.addProjectMember(project, bob.userId, "ANNOTATOR");
        Map<String, Object> ticked = Map.of("taskIds", List.of(ids.get(4), ids.get(9)));

        // when Bob labels the ticked tasks 4 and 9: he gets 4, then 9, then nothing more, though 10 tasks are left
        List<Integer> got = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Map<String, Object> answer = bob.post(STREAM, Map.of("p", project, "s", ticked));
            assertThat(answer.get("errors")).as("errors").isNull();
            if (!"WORKING".equals(at(answer, "labelStream.state"))) break;
            got.add(((Number) at(answer, "labelStream.task.number")).intValue());
            String task = at(answer, "labelStream.task.id");
            bob.submit(task, List.of(ApiClient.choice("Positive")));
            await().atMost(Duration.ofSeconds(20)).until(() -> !task.equals(at(bob.post(STREAM, Map.of("p", project, "s", ticked)), "labelStream.task.id")));
        }
        assertThat(got).containsExactly(4, 9);
        assertThat((String) at(bob.post(STREAM, Map.of("p", project, "s", ticked)), "labelStream.state")).isEqualTo("DONE");

        // and with all "odd" tasks numbered above 9 selected by a filter: 11 only
        Map<String, Object> odd = Map.of("filter", Map.of("conditions", List.of(cond("DATA", List.of("tag"), "EQUAL", "odd"), cond("NUMBER", null, "GREATER", 9))));
        Map<String, Object> next = bob.post(STREAM, Map.of("p", project, "s", odd));
        assertThat(((Number) at(next, "labelStream.task.number")).intValue()).isEqualTo(11);

        // and without a selection the whole project again (the held task first)
        assertThat(((Number) at(bob.post(STREAM, Map.of("p", project)), "labelStream.task.number")).intValue()).isEqualTo(11);

        // blind labeling holds for the selection: an annotator may not select by others' labels
        Map<String, Object> refused = bob.post(STREAM, Map.of("p", project, "s",
                Map.of("filter", Map.of("conditions", List.of(cond("LABELS", List.of("sentiment"), "CONTAINS", "Positive"))))));
        assertThat(refused.toString()).contains("FORBIDDEN");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static Map<String, Object> cond(String column, List<String> path, String operator, Object value) {
        Map<String, Object> c = new HashMap<>(Map.of("column", column, "operator", operator, "value", value));
        if (path != null) c.put("path", path);
        return c;
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> answer, String path) {
        Object o = answer.get("data");
        for (String p : path.split("\\.")) o = o == null ? null : ((Map<String, Object>) o).get(p);
        return (T) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, String> taskIds(ApiClient who, String project) {
        List<Map<String, Object>> edges = at(who.post("""
                query($p: ID!) { project(id: $p) { tasks(first: 100) { edges { node { id number } } } } }""", Map.of("p", project)),
                "project.tasks.edges");
        return edges.stream().map(e -> (Map<String, Object>) e.get("node"))
                    .collect(Collectors.toMap(n -> ((Number) n.get("number")).intValue(), n -> (String) n.get("id")));
    }

    private Map<String, Object> createExport(ApiClient who, Map<String, Object> selection) {
        return createExport(who, project, selection);
    }

    private Map<String, Object> createExport(ApiClient who, String projectId, Map<String, Object> selection) {
        Map<String, Object> input = Map.of("projectId", projectId, "format", "JSON", "selection", selection);
        Map<String, Object> answer = who.post("""
                mutation($i: CreateExportInput!) { createExport(input: $i) { job { id state selected totalTasks } errors { code field message } } }""",
                Map.of("i", input));
        assertThat(answer.get("errors")).as("GraphQL errors").isNull();
        return at(answer, "createExport");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> payload) {
        assertThat((List<Object>) payload.get("errors")).isEmpty();
        return (Map<String, Object>) payload.get("job");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Map<String, Object> payload) {
        assertThat(payload.get("job")).isNull();
        return ((List<Map<String, Object>>) payload.get("errors")).getFirst();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitEnd(String job) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> (Map<String, Object>) at(ann.post(
                        "query($id: ID!) { exportJob(id: $id) { id state totalTasks writtenTasks } }", Map.of("id", job)), "exportJob"),
                j -> j != null && ("COMPLETED".equals(j.get("state")) || "FAILED".equals(j.get("state"))));
    }

    private JsonNode download(String job) {
        byte[] body = ApiClient.web(port).get().uri("/api/exports/" + job + "/download").header(HttpHeaders.COOKIE, ann.cookie)
                               .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        return JSON.readTree(new String(body, StandardCharsets.UTF_8));
    }

    private static List<Integer> numbersIn(JsonNode exported) {
        List<Integer> out = new ArrayList<>();
        exported.forEach(t -> out.add(t.get("data").get("n").asInt()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<JsonNode> auditPayloads() {
        List<Map<String, Object>> edges = at(ann.post("""
                { auditLog(first: 20, filter: {eventType: "ProjectExported"}) { edges { node { payload } } } }""", Map.of()), "auditLog.edges");
        return edges.stream().map(e -> JSON.valueToTree(((Map<String, Object>) e.get("node")).get("payload"))).map(n -> (JsonNode) n).toList();
    }
}
