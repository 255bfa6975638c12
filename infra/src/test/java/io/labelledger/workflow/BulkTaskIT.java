package io.labelledger.workflow;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.labelledger.workflow.LabelStreamIT.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's Data Manager bulk actions over GraphQL (ADR 0042): manual assignment and the streams that follow it,
 * "all that match the filter" selections, delete, bulk label (idempotent per task), one audit entry per job.
 */
@SuppressWarnings("unchecked")
class BulkTaskIT extends IntegrationTest {
    static final String ACTION = """
            mutation($i: BulkTaskActionInput!) { bulkTaskAction(input: $i) { job { id state totalTasks } errors { code field } } }""";
    static final String LABEL = """
            mutation($i: BulkLabelTasksInput!) { bulkLabelTasks(input: $i) { job { id state totalTasks } errors { code field } } }""";
    static final String JOB = "query($id: ID!) { bulkTaskJob(id: $id) { id state action totalTasks processedTasks changedTasks refusedTasks error } }";
    static final String ROWS = """
            query($p: ID!) { project(id: $p) { taskCount tasks(first: 100) { edges { node { id number annotationCount } } } } }""";
    static final String CONFIG = """
            <View><Text name="text" value="$text"/><Choices name="sentiment" toName="text" choice="single">
            <Choice value="Positive"/><Choice value="Negative"/></Choices>
            <Labels name="ner" toName="text"><Label value="PER"/></Labels></View>""";

    @LocalServerPort
    int port;

    String project(ApiClient manager, int tasks) {
        String project = manager.createProject("Bulk", CONFIG);
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= tasks; i++) ndjson.append("{\"text\":\"task ").append(i).append("\"}\n");
        manager.importTasks(project, ndjson.toString(), "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(tasks);
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(manager, project).size() == tasks);
        return project;
    }

    static List<String> ids(ApiClient user, String project) {
        List<Map<String, Object>> edges = at(user.post(ROWS, Map.of("p", project)), "project.tasks.edges");
        return edges == null ? List.of() : edges.stream().map(e -> (String) ((Map<String, Object>) e.get("node")).get("id")).toList();
    }

    /** Starts the job, waits for its end, answers it. */
    static Map<String, Object> run(ApiClient user, String document, Map<String, Object> input) {
        Map<String, Object> answer = user.post(document, Map.of("i", input));
        String field = document.contains("bulkLabelTasks") ? "bulkLabelTasks" : "bulkTaskAction";
        assertThat((List<Object>) at(answer, field + ".errors")).as("%s", answer).isEmpty();
        String id = at(answer, field + ".job.id");
        return await().atMost(Duration.ofSeconds(30)).until(() -> (Map<String, Object>) at(user.post(JOB, Map.of("id", id)), "bulkTaskJob"),
                job -> job != null && ("COMPLETED".equals(job.get("state")) || "FAILED".equals(job.get("state"))));
    }

    /** How a call was refused: the policy's classification, or the codes of its payload's errors. */
    static List<String> refusals(Map<String, Object> answer, String field) {
        List<String> out = new java.util.ArrayList<>(ApiClient.classifications(answer));
        List<Map<String, Object>> errors = at(answer, field + ".errors");
        if (errors != null) errors.forEach(e -> out.add((String) e.get("code")));
        return out;
    }

    static Map<String, Object> assign(String project, String action, List<String> taskIds, String userId) {
        return Map.of("projectId", project, "selection", Map.of("taskIds", taskIds), "action", action, "userIds", List.of(userId),
                "kind", "ANNOTATION");
    }

    @Test
    void withManualDistributionAnnotatorsGetOnlyTheTasksAManagerAssignedThem() {
        ApiClient manager = ApiClient.signUp(port, "Mona");
        String project = project(manager, 4);
        List<String> tasks = ids(manager, project);
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ali", manager.invite("ANNOTATOR"));
        ApiClient other = ApiClient.signUpWithInvitation(port, "Oli", manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, ann.userId, "ANNOTATOR");
        manager.addProjectMember(project, other.userId, "ANNOTATOR");
        assertThat((List<Object>) at(manager.post(LabelStreamIT.SETTINGS, Map.of("i", Map.of("projectId", project, "distribution",
                Map.of("mode", "MANUAL", "overlap", 1, "reservationMinutes", 60, "sampling", "SEQUENTIAL")))), "updateProjectSettings.errors")).isEmpty();
        assertThat((String) at(ann.post(LabelStreamIT.STREAM, Map.of("p", project)), "labelStream.state")).isEqualTo("MANUAL");

        Map<String, Object> job = run(manager, ACTION, assign(project, "ASSIGN", List.of(tasks.get(2), tasks.get(1)), ann.userId));
        assertThat(job).containsEntry("state", "COMPLETED").containsEntry("totalTasks", 2).containsEntry("changedTasks", 2);
        // assigning again changes nothing (idempotent per task)
        assertThat(run(manager, ACTION, assign(project, "ASSIGN", List.of(tasks.get(1)), ann.userId))).containsEntry("changedTasks", 0);

        // in task order, only theirs; nobody else gets them
        assertThat((String) at(ann.post(LabelStreamIT.STREAM, Map.of("p", project)), "labelStream.task.id")).isEqualTo(tasks.get(1));
        assertThat((String) at(other.post(LabelStreamIT.STREAM, Map.of("p", project)), "labelStream.state")).isEqualTo("MANUAL");
        // the annotator's task list shows their assigned tasks only
        assertThat(ids(ann, project)).containsExactly(tasks.get(1), tasks.get(2));
        assertThat(ids(other, project)).isEmpty();

        // taken back: the reservation goes with it, the stream moves to the next assigned task
        assertThat(run(manager, ACTION, assign(project, "UNASSIGN", List.of(tasks.get(1)), ann.userId))).containsEntry("changedTasks", 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat((String) at(ann.post(LabelStreamIT.STREAM, Map.of("p", project)), "labelStream.task.id")).isEqualTo(tasks.get(2)));
        ann.submit(tasks.get(2), List.of(ApiClient.choice("Positive")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat((String) at(ann.post(LabelStreamIT.STREAM, Map.of("p", project)), "labelStream.state")).isEqualTo("MANUAL"));
    }

    @Test
    void assignmentsNameMembersOfTheProjectAndAnnotatorsCannotAssign() {
        ApiClient manager = ApiClient.signUp(port, "Nia");
        String project = project(manager, 1);
        String task = ids(manager, project).getFirst();
        ApiClient stranger = ApiClient.signUp(port, "Stranger");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ivo", manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, ann.userId, "ANNOTATOR");
        assertThat((List<Object>) at(manager.post(ACTION, Map.of("i", assign(project, "ASSIGN", List.of(task), stranger.userId))), "bulkTaskAction.errors"))
                .containsExactly(Map.of("code", "NOT_FOUND", "field", List.of("userIds", "0")));
        Map<String, Object> noKind = new HashMap<>(assign(project, "ASSIGN", List.of(task), ann.userId));
        noKind.remove("kind");
        assertThat((List<Object>) at(manager.post(ACTION, Map.of("i", noKind)), "bulkTaskAction.errors"))
                .containsExactly(Map.of("code", "VALIDATION", "field", List.of("kind")));
        assertThat((List<Object>) at(manager.post(ACTION, Map.of("i", Map.of("projectId", project, "selection", Map.of(), "action", "DELETE"))),
                "bulkTaskAction.errors")).containsExactly(Map.of("code", "VALIDATION", "field", List.of("selection")));
        assertThat((List<Object>) at(manager.post(ACTION, Map.of("i", Map.of("projectId", project, "selection",
                Map.of("filter", Map.of("conditions", List.of(Map.of("column", "DATA", "operator", "EQUAL", "value", "x")))), "action", "DELETE"))),
                "bulkTaskAction.errors")).extracting(e -> ((Map<String, Object>) e).get("field"))
                .allSatisfy(f -> assertThat((List<String>) f).startsWith("selection", "filter"));
        // annotators do not run the project (rules.csv): refused by the policy
        assertThat(refusals(ann.post(ACTION, Map.of("i", assign(project, "ASSIGN", List.of(task), ann.userId))), "bulkTaskAction"))
                .containsExactly("FORBIDDEN");
        // another organization's project is not found
        assertThat(refusals(stranger.post(ACTION, Map.of("i", Map.of("projectId", project, "selection",
                Map.of("taskIds", List.of(task)), "action", "DELETE"))), "bulkTaskAction")).contains("NOT_FOUND");
        assertThat(ids(manager, project)).containsExactly(task);
    }

    @Test
    void allThatMatchTheFilterLessTheUntickedAreDeletedAndTheCountsFollow() {
        ApiClient manager = ApiClient.signUp(port, "Dee");
        String project = project(manager, 5);
        List<String> tasks = ids(manager, project);
        manager.submit(tasks.get(0), List.of(ApiClient.choice("Positive")));
        Map<String, Object> job = run(manager, ACTION, Map.of("projectId", project, "action", "DELETE",
                "selection", Map.of("filter", Map.of(), "excludedIds", List.of(tasks.get(3)))));
        assertThat(job).containsEntry("state", "COMPLETED").containsEntry("totalTasks", 4).containsEntry("changedTasks", 4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ids(manager, project)).containsExactly(tasks.get(3));
            assertThat((Integer) at(manager.post(ROWS, Map.of("p", project)), "project.taskCount")).isEqualTo(1);
        });
        assertThat((Object) at(manager.post("query($t: ID!) { task(id: $t) { id } }", Map.of("t", tasks.get(0))), "task")).isNull();
        // a deleted task takes no annotation
        assertThat((List<Map<String, Object>>) at(manager.post("""
                mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { errors { code } } }""",
                Map.of("i", Map.of("taskId", tasks.get(1), "result", List.of(ApiClient.choice("Positive"))))), "submitAnnotation.errors"))
                .extracting(e -> e.get("code")).containsExactly("NOT_FOUND");

        // one audit entry with the count, beside the per-task events
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> entries = at(manager.post("""
                    query($p: ID!) { auditLog(filter: {aggregateId: $p, eventType: "BulkTaskActionRecorded"}) { edges { node { payload actor { id } } } } }""",
                    Map.of("p", project)), "auditLog.edges");
            assertThat(entries).hasSize(1);
            Map<String, Object> node = (Map<String, Object>) entries.getFirst().get("node");
            assertThat(node.get("actor")).isEqualTo(Map.of("id", manager.userId));
            assertThat((Map<String, Object>) node.get("payload")).containsEntry("action", "DELETE").containsEntry("selected", 4).containsEntry("changed", 4);
        });
    }

    @Test
    void reviewersBulkLabelWithOneControlValueOnceAndAnnotatorsMayNot() {
        ApiClient manager = ApiClient.signUp(port, "Bea");
        String project = project(manager, 4);
        List<String> tasks = ids(manager, project);
        ApiClient reviewer = ApiClient.signUpWithInvitation(port, "Rex", manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, reviewer.userId, "REVIEWER");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ana", manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, ann.userId, "ANNOTATOR");
        reviewer.submit(tasks.get(0), List.of(ApiClient.choice("Negative"))); // labeled before: stays as it is

        Map<String, Object> input = Map.of("projectId", project, "selection", Map.of("taskIds", tasks.subList(0, 3)),
                "result", Map.of("from_name", "sentiment", "to_name", "text", "type", "choices", "value", Map.of("choices", List.of("Positive"))));
        Map<String, Object> job = run(reviewer, LABEL, input);
        assertThat(job).containsEntry("state", "COMPLETED").containsEntry("action", "LABEL").containsEntry("totalTasks", 3)
                       .containsEntry("changedTasks", 2).containsEntry("refusedTasks", 0);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> edges = at(manager.post(ROWS, Map.of("p", project)), "project.tasks.edges");
            assertThat(edges.stream().map(e -> ((Map<String, Object>) e.get("node")).get("annotationCount")).toList()).containsExactly(1, 1, 1, 0);
        });
        // the same selection again: every task is labeled by them already
        assertThat(run(reviewer, LABEL, input)).containsEntry("changedTasks", 0);

        // regions do not fit every task: a Labels control is refused, naming the field
        assertThat((List<Object>) at(reviewer.post(LABEL, Map.of("i", Map.of("projectId", project, "selection", Map.of("taskIds", tasks),
                "result", Map.of("from_name", "ner", "to_name", "text", "type", "labels",
                        "value", Map.of("start", 0, "end", 4, "labels", List.of("PER")))))), "bulkLabelTasks.errors"))
                .containsExactly(Map.of("code", "VALIDATION", "field", List.of("result", "from_name")));
        // a value the config does not offer: each task refuses it, the job says so
        Map<String, Object> wrong = run(reviewer, LABEL, Map.of("projectId", project, "selection", Map.of("taskIds", List.of(tasks.get(3))),
                "result", Map.of("from_name", "sentiment", "to_name", "text", "type", "choices", "value", Map.of("choices", List.of("Maybe")))));
        assertThat(wrong).containsEntry("changedTasks", 0).containsEntry("refusedTasks", 1);
        // annotators do not bulk label (Reviewer and above)
        assertThat(refusals(ann.post(LABEL, Map.of("i", input)), "bulkLabelTasks")).containsExactly("FORBIDDEN");
        // and nobody follows another person's job
        assertThat((Object) at(ann.post(JOB, Map.of("id", job.get("id"))), "bulkTaskJob")).isNull();
    }
}
