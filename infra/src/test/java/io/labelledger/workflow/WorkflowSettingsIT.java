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
 * Issue 11's settings that were stored before they were enforced, enforced on the server (ADR 0042): show Skip, who
 * browses the Data Manager (annotators, reviewers), and what a rejection does to the task's place in the streams.
 */
@SuppressWarnings("unchecked")
class WorkflowSettingsIT extends IntegrationTest {
    static final String SETTINGS = """
            mutation($i: UpdateProjectSettingsInput!) { updateProjectSettings(input: $i) {
              project { settings { review { onReject reviewersSeeDataManager } annotating { showSkip annotatorsSeeDataManager } } }
              errors { code field } } }""";
    static final String STREAM = LabelStreamIT.STREAM;
    static final String SKIP = "mutation($i: SkipTaskInput!) { skipTask(input: $i) { errors { code field } } }";
    static final String TASKS = "query($p: ID!) { project(id: $p) { tasks(first: 10) { edges { node { id } } } } }";
    static final String COUNT = "query($p: ID!) { project(id: $p) { matchingTasks { count } } }";
    static final String REVIEW = """
            mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) { errors { code field } } }""";
    static final List<Map<String, Object>> POSITIVE = List.of(ApiClient.choice("Positive"));

    @LocalServerPort
    int port;

    static Map<String, Object> annotating(boolean showSkip, boolean annotatorsSeeDataManager) {
        return Map.of("showSkip", showSkip, "allowEmptyAnnotations", false, "revealPredictionsInteractively", false,
                "annotatorsSeeDataManager", annotatorsSeeDataManager, "showOthersAnnotations", false);
    }

    static Map<String, Object> review(String onReject, boolean reviewersSeeDataManager) {
        return Map.of("instructions", "", "onReject", onReject, "requireCommentOnReject", false, "onlyOverlapReached", false,
                "reviewersSeeDataManager", reviewersSeeDataManager);
    }

    static Map<String, Object> settings(String project, String section, Map<String, Object> value) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", project));
        input.put(section, value);
        return Map.of("i", input);
    }

    void set(ApiClient manager, String project, String section, Map<String, Object> value) {
        assertThat((List<Object>) at(manager.post(SETTINGS, settings(project, section, value)), "updateProjectSettings.errors")).isEmpty();
    }

    String project(ApiClient manager, int tasks) {
        String project = manager.createProject("Settings", ApiClient.TEXT_CONFIG);
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= tasks; i++) ndjson.append("{\"text\":\"task ").append(i).append("\"}\n");
        manager.importTasks(project, ndjson.toString(), "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(tasks);
        manager.firstTask(project);
        return project;
    }

    ApiClient member(ApiClient manager, String project, String name, String role) {
        ApiClient person = ApiClient.signUpWithInvitation(port, name, manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, person.userId, role);
        return person;
    }

    static String errorCode(Map<String, Object> answer) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
        assertThat(errors).as("errors of %s", answer).isNotEmpty();
        return (String) ((Map<String, Object>) errors.getFirst().get("extensions")).get("code");
    }

    @Test
    void withoutSkipShownTheServerRefusesASkipAndTheTaskStaysReserved() {
        ApiClient manager = ApiClient.signUp(port, "Sid");
        String project = project(manager, 2);
        set(manager, project, "annotating", annotating(false, true));
        ApiClient ann = member(manager, project, "Sky", "ANNOTATOR");
        String task = at(ann.post(STREAM, Map.of("p", project)), "labelStream.task.id");
        assertThat((List<Object>) at(ann.post(SKIP, Map.of("i", Map.of("taskId", task))), "skipTask.errors"))
                .containsExactly(Map.of("code", "FORBIDDEN", "field", List.of("taskId")));
        assertThat((String) at(ann.post(STREAM, Map.of("p", project)), "labelStream.task.id")).isEqualTo(task);

        set(manager, project, "annotating", annotating(true, true));
        assertThat((List<Object>) at(ann.post(SKIP, Map.of("i", Map.of("taskId", task))), "skipTask.errors")).isEmpty();
    }

    @Test
    void annotatorsAndReviewersBrowseTheTaskListOnlyWhenTheProjectSaysSo() {
        ApiClient manager = ApiClient.signUp(port, "Dora");
        String project = project(manager, 2);
        ApiClient ann = member(manager, project, "Dan", "ANNOTATOR");
        ApiClient rev = member(manager, project, "Rita", "REVIEWER");
        // the defaults: both may
        assertThat(ann.post(TASKS, Map.of("p", project)).get("errors")).isNull();
        assertThat(rev.post(TASKS, Map.of("p", project)).get("errors")).isNull();

        set(manager, project, "annotating", annotating(true, false));
        set(manager, project, "review", review("MARK_ONLY", false));
        assertThat(errorCode(ann.post(TASKS, Map.of("p", project)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(ann.post(COUNT, Map.of("p", project)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(rev.post(TASKS, Map.of("p", project)))).isEqualTo("FORBIDDEN");
        // their queues still work, and so does the Manager's list
        assertThat((String) at(ann.post(STREAM, Map.of("p", project)), "labelStream.state")).isEqualTo("WORKING");
        assertThat(manager.post(TASKS, Map.of("p", project)).get("errors")).isNull();

        set(manager, project, "review", review("MARK_ONLY", true));
        assertThat(rev.post(TASKS, Map.of("p", project)).get("errors")).isNull();
        assertThat(errorCode(ann.post(TASKS, Map.of("p", project)))).isEqualTo("FORBIDDEN");
    }

    /** A rejected annotation comes back to its author first; the author's fix takes it out of their queue. */
    @Test
    void rejectionsRequeuedToTheAnnotatorComeBackToThemFirst() {
        ApiClient manager = ApiClient.signUp(port, "Ray");
        String project = project(manager, 3);
        set(manager, project, "review", review("REQUEUE_TO_ANNOTATOR", true));
        ApiClient ann = member(manager, project, "Ada", "ANNOTATOR");
        String first = at(ann.post(STREAM, Map.of("p", project)), "labelStream.task.id");
        String annotation = ann.submit(first, POSITIVE);
        assertThat((List<Object>) at(manager.post(REVIEW, Map.of("i", Map.of("taskId", first, "annotationId", annotation,
                "decision", "REJECTED", "comment", "Negative, really"))), "reviewAnnotation.errors")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat((String) at(ann.post(STREAM, Map.of("p", project)), "labelStream.task.id")).isEqualTo(first));

        assertThat((List<Object>) at(ann.post("""
                mutation($i: UpdateAnnotationInput!) { updateAnnotation(input: $i) { errors { code } } }""",
                Map.of("i", Map.of("taskId", first, "annotationId", annotation, "result", List.of(ApiClient.choice("Negative"))))),
                "updateAnnotation.errors")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String next = at(ann.post(STREAM, Map.of("p", project)), "labelStream.task.id");
            assertThat(next).isNotNull().isNotEqualTo(first);
        });
    }

    /** To the general queue, the rejected annotation frees its place for someone else; "mark only" does not. */
    @Test
    void rejectionsRequeuedToTheGeneralQueueGoToSomebodyElseAndMarkOnlyToNobody() {
        ApiClient manager = ApiClient.signUp(port, "Gus");
        String project = project(manager, 1);
        set(manager, project, "review", review("MARK_ONLY", true));
        ApiClient ann = member(manager, project, "Ann", "ANNOTATOR");
        ApiClient bob = member(manager, project, "Bob", "ANNOTATOR");
        String task = at(ann.post(STREAM, Map.of("p", project)), "labelStream.task.id");
        String annotation = ann.submit(task, POSITIVE);
        assertThat((List<Object>) at(manager.post(REVIEW, Map.of("i", Map.of("taskId", task, "annotationId", annotation,
                "decision", "REJECTED"))), "reviewAnnotation.errors")).isEmpty();
        assertThat((String) at(bob.post(STREAM, Map.of("p", project)), "labelStream.state")).isEqualTo("DONE");
        assertThat((String) at(ann.post(STREAM, Map.of("p", project)), "labelStream.state")).isEqualTo("DONE");

        set(manager, project, "review", review("REQUEUE_TO_GENERAL", true));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat((String) at(bob.post(STREAM, Map.of("p", project)), "labelStream.task.id")).isEqualTo(task));
        // the rejected author does not get it again (their annotation stays, rejected)
        assertThat((String) at(ann.post(STREAM, Map.of("p", project)), "labelStream.state")).isEqualTo("DONE");
        assertThat(bob.submit(task, POSITIVE)).isNotNull();
    }

    /** The labeling page shows "all tasks done" under the pause message only when nothing is left for the person. */
    @Test
    void aPausedPersonIsToldWhetherTasksAreLeftForThem() {
        ApiClient manager = ApiClient.signUp(port, "Pia");
        String project = project(manager, 1);
        ApiClient done = member(manager, project, "Dot", "ANNOTATOR");
        ApiClient waiting = member(manager, project, "Wes", "ANNOTATOR");
        String task = at(done.post(STREAM, Map.of("p", project)), "labelStream.task.id");
        done.submit(task, POSITIVE);
        set(manager, project, "distribution", Map.of("mode", "AUTO", "overlap", 2, "reservationMinutes", 60, "sampling", "SEQUENTIAL"));
        for (ApiClient who : List.of(done, waiting)) {
            assertThat((List<Object>) at(manager.post("""
                    mutation($i: PauseAnnotatorInput!) { pauseAnnotator(input: $i) { errors { code } } }""",
                    Map.of("i", Map.of("projectId", project, "userId", who.userId, "reason", "Quality check"))), "pauseAnnotator.errors")).isEmpty();
        }
        String paused = "query($p: ID!) { labelStream(projectId: $p) { state tasksLeft } }";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat((Map<String, Object>) at(done.post(paused, Map.of("p", project)), "labelStream"))
                    .isEqualTo(Map.of("state", "PAUSED", "tasksLeft", false));
            assertThat((Map<String, Object>) at(waiting.post(paused, Map.of("p", project)), "labelStream"))
                    .isEqualTo(Map.of("state", "PAUSED", "tasksLeft", true));
        });
    }
}
