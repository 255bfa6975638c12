package io.labelledger.workflow;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.labelledger.workflow.LabelStreamIT.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's reviewer rules on the server (ADR 0048): review assignments narrow the review queue — a task assigned to
 * reviewers is only in theirs, with manual distribution a reviewer gets only the tasks assigned to them — and a review
 * by id is held to the same rules; people who run the project review anything.
 */
@SuppressWarnings("unchecked")
class ReviewAssignmentIT extends IntegrationTest {
    static final String NEXT = "query($p: ID!, $after: Int) { nextReviewTask(projectId: $p, afterNumber: $after) { id } }";
    static final String REVIEW = """
            mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) { annotation { id } errors { code field } } }""";

    @LocalServerPort
    int port;

    static String next(ApiClient user, String project, int after) {
        return at(user.post(NEXT, Map.of("p", project, "after", after)), "nextReviewTask.id");
    }

    static List<Map<String, Object>> review(ApiClient user, String task, String annotation) {
        return at(user.post(REVIEW, Map.of("i", Map.of("taskId", task, "annotationId", annotation, "decision", "ACCEPTED"))),
                "reviewAnnotation.errors");
    }

    @Test
    void reviewAssignmentsNarrowTheQueueAndTheReviewsOfReviewers() {
        ApiClient manager = ApiClient.signUp(port, "Mira");
        String project = manager.createProject("Reviewed", ApiClient.TEXT_CONFIG);
        manager.importTasks(project, "[{\"text\":\"one\"},{\"text\":\"two\"},{\"text\":\"three\"}]", "JSON", "ALL_OR_NOTHING")
               .path("importTasks.importedCount").entity(Integer.class).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> BulkTaskIT.ids(manager, project).size() == 3);
        List<String> tasks = BulkTaskIT.ids(manager, project);
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ada", manager.invite("ANNOTATOR"));
        ApiClient rita = ApiClient.signUpWithInvitation(port, "Rita", manager.invite("ANNOTATOR"));
        ApiClient sam = ApiClient.signUpWithInvitation(port, "Sam", manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, ann.userId, "ANNOTATOR");
        manager.addProjectMember(project, rita.userId, "REVIEWER");
        manager.addProjectMember(project, sam.userId, "REVIEWER");
        List<String> annotations = tasks.stream().map(t -> ann.submit(t, List.of(ApiClient.choice("Positive")))).toList();

        // given the second task assigned to Rita for review
        Map<String, Object> job = BulkTaskIT.run(manager, BulkTaskIT.ACTION, Map.of("projectId", project, "selection",
                Map.of("taskIds", List.of(tasks.get(1))), "action", "ASSIGN", "userIds", List.of(rita.userId), "kind", "REVIEW"));
        assertThat(job).containsEntry("state", "COMPLETED").containsEntry("changedTasks", 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(next(rita, project, 1)).isEqualTo(tasks.get(1)));

        // the Data Manager shows who is assigned, and "assigned to me" finds it
        List<Map<String, Object>> mine = at(rita.post("""
                query($p: ID!) { project(id: $p) { tasks(first: 10, filter: {conditions: [{column: ASSIGNED_REVIEWERS, operator: CONTAINS, value: "@me"}]}) {
                  edges { node { id assignedReviewerIds assignedAnnotatorIds } } } } }""", Map.of("p", project)), "project.tasks.edges");
        assertThat(mine).extracting(e -> (Map<String, Object>) e.get("node"))
                        .containsExactly(Map.of("id", tasks.get(1), "assignedReviewerIds", List.of(rita.userId), "assignedAnnotatorIds", List.of()));

        // then (auto distribution) Sam's queue passes it by, Rita's has it, the Manager's has everything
        assertThat(next(sam, project, 0)).isEqualTo(tasks.get(0));
        assertThat(next(sam, project, 1)).isEqualTo(tasks.get(2));
        assertThat(next(rita, project, 0)).isEqualTo(tasks.get(0));
        assertThat(next(manager, project, 1)).isEqualTo(tasks.get(1));
        // and Sam cannot review it by id either; Rita can
        assertThat(review(sam, tasks.get(1), annotations.get(1))).containsExactly(Map.of("code", "FORBIDDEN", "field", List.of("taskId")));
        assertThat(review(sam, tasks.get(0), annotations.get(0))).isEmpty();

        // when the project moves to manual distribution, reviewers get only what is assigned to them
        assertThat((List<Object>) at(manager.post(LabelStreamIT.SETTINGS, Map.of("i", Map.of("projectId", project, "distribution",
                Map.of("mode", "MANUAL", "overlap", 1, "reservationMinutes", 60, "sampling", "SEQUENTIAL")))), "updateProjectSettings.errors"))
                .isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(next(sam, project, 0)).isNull());
        assertThat(next(rita, project, 0)).isEqualTo(tasks.get(1));
        assertThat(review(sam, tasks.get(2), annotations.get(2))).containsExactly(Map.of("code", "FORBIDDEN", "field", List.of("taskId")));
        assertThat(review(rita, tasks.get(1), annotations.get(1))).isEmpty();
        // the Manager runs the project: no assignment binds them
        assertThat(next(manager, project, 0)).isEqualTo(tasks.get(2));
        assertThat(review(manager, tasks.get(2), annotations.get(2))).isEmpty();
    }
}
