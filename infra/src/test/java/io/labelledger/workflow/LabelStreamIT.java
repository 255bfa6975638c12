package io.labelledger.workflow;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import io.labelledger.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 11 over GraphQL: settings, pausing, limits and the label stream with reservations and overlap (ADR 0036). */
@SuppressWarnings("unchecked")
class LabelStreamIT extends IntegrationTest {
    static final String SETTINGS = """
            mutation($i: UpdateProjectSettingsInput!) { updateProjectSettings(input: $i) {
              project { settingsVersion settings { distribution { overlap reservationMinutes sampling limit { unit value } }
                                                   skipping { queue } annotating { allowEmptyAnnotations } } }
              notices errors { code field } } }""";
    static final String STREAM = "query($p: ID!) { labelStream(projectId: $p) { state pauseReason reservedUntil task { id number } } }";
    static final String SUBMIT = "mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code field } } }";
    static final List<Map<String, Object>> POSITIVE = List.of(ApiClient.choice("Positive"));

    @LocalServerPort
    int port;

    static Map<String, Object> distribution(int overlap, int minutes, Map<String, Object> limit) {
        Map<String, Object> d = new HashMap<>(Map.of("mode", "AUTO", "overlap", overlap, "reservationMinutes", minutes, "sampling", "SEQUENTIAL"));
        if (limit != null) d.put("limit", limit);
        return d;
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> answer, String path) {
        Object o = answer.get("data");
        for (String p : path.split("\\.")) o = o == null ? null : ((Map<String, Object>) o).get(p);
        return (T) o;
    }

    String project(ApiClient manager, int tasks) {
        String project = manager.createProject("Stream", ApiClient.TEXT_CONFIG);
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= tasks; i++) ndjson.append("{\"text\":\"task ").append(i).append("\"}\n");
        manager.importTasks(project, ndjson.toString(), "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(tasks);
        return project;
    }

    List<Map<String, Object>> rows(ApiClient manager, String project) {
        return manager.graphql().document("""
                        query($p: ID!) { project(id: $p) { tasks(first: 200) { edges { node { id number annotationCount completed } } } } }""")
                      .variable("p", project).execute().path("project.tasks.edges[*].node").entityList(Object.class).get()
                      .stream().map(o -> {
                          @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) o;
                          return m;
                      }).toList();
    }

    @Test
    void settingsAreRefusedOutOfRangeNamingTheFieldAndVersionedWhenAccepted() {
        ApiClient manager = ApiClient.signUp(port, "Mia");
        String project = project(manager, 2);
        Map<String, Object> refused = manager.post(SETTINGS, Map.of("i", Map.of("projectId", project, "distribution", distribution(0, 60, null))));
        assertThat((List<Object>) at(refused, "updateProjectSettings.errors")).containsExactly(Map.of("code", "VALIDATION", "field", List.of("distribution", "overlap")));
        refused = manager.post(SETTINGS, Map.of("i", Map.of("projectId", project, "distribution", distribution(2, -5, null))));
        assertThat((List<Object>) at(refused, "updateProjectSettings.errors"))
                .containsExactly(Map.of("code", "VALIDATION", "field", List.of("distribution", "reservationMinutes")));

        Map<String, Object> accepted = manager.post(SETTINGS, Map.of("i", Map.of("projectId", project, "distribution",
                distribution(3, 90, Map.of("unit", "COUNT", "value", 50)), "skipping", Map.of("queue", "IGNORE", "requireComment", false))));
        assertThat((List<Object>) at(accepted, "updateProjectSettings.errors")).isEmpty();
        assertThat((List<Object>) at(accepted, "updateProjectSettings.notices"))
                .containsExactly("SHORTER_RESERVATION_APPLIES_TO_NEW_HAND_OUTS", "LIMIT_ABOVE_TASK_COUNT");
        assertThat((Integer) at(accepted, "updateProjectSettings.project.settingsVersion")).isEqualTo(1);
        assertThat((Map<?, ?>) at(accepted, "updateProjectSettings.project.settings.distribution"))
                .isEqualTo(Map.of("overlap", 3, "reservationMinutes", 90, "sampling", "SEQUENTIAL", "limit", Map.of("unit", "COUNT", "value", 50)));
        assertThat((String) at(accepted, "updateProjectSettings.project.settings.skipping.queue")).isEqualTo("IGNORE");

        Map<String, Object> lowered = manager.post(SETTINGS, Map.of("i", Map.of("projectId", project, "distribution", distribution(2, 90, null))));
        assertThat((List<Object>) at(lowered, "updateProjectSettings.notices")).containsExactly("LOWER_OVERLAP_APPLIES_TO_NEW_HAND_OUTS");
        assertThat((Integer) at(lowered, "updateProjectSettings.project.settingsVersion")).isEqualTo(2);
    }

    @Test
    void aPausedPersonGetsNoTaskCannotSubmitAndSeesWhyUntilResumed() {
        ApiClient manager = ApiClient.signUp(port, "Max");
        String project = project(manager, 2);
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, ann.userId, "ANNOTATOR");
        String task = at(ann.post(STREAM, Map.of("p", project)), "labelStream.task.id");
        assertThat(task).isNotNull();

        Map<String, Object> paused = manager.post("""
                mutation($i: PauseAnnotatorInput!) { pauseAnnotator(input: $i) { project { pausedAnnotators { user { id } reason source } } errors { code } } }""",
                Map.of("i", Map.of("projectId", project, "userId", ann.userId, "reason", "Please reread the guidelines")));
        assertThat((List<Object>) at(paused, "pauseAnnotator.errors")).isEmpty();
        assertThat((List<Object>) at(paused, "pauseAnnotator.project.pausedAnnotators"))
                .containsExactly(Map.of("user", Map.of("id", ann.userId), "reason", "Please reread the guidelines", "source", "MANAGER"));

        Map<String, Object> stream = ann.post(STREAM, Map.of("p", project));
        assertThat((String) at(stream, "labelStream.state")).isEqualTo("PAUSED");
        assertThat((String) at(stream, "labelStream.pauseReason")).isEqualTo("Please reread the guidelines");
        assertThat((Object) at(stream, "labelStream.task")).isNull();
        Map<String, Object> submit = ann.post(SUBMIT, Map.of("i", Map.of("taskId", task, "result", POSITIVE)));
        assertThat((List<Object>) at(submit, "submitAnnotation.errors")).containsExactly(Map.of("code", "PAUSED", "field", List.of("projectId")));
        // the pausedAnnotators list is for who runs the project
        assertThat((List<?>) ann.post("query($p: ID!) { project(id: $p) { pausedAnnotators { reason } } }", Map.of("p", project)).get("errors")).isNotEmpty();

        manager.post("mutation($i: ResumeAnnotatorInput!) { resumeAnnotator(input: $i) { errors { code } } }",
                Map.of("i", Map.of("projectId", project, "userId", ann.userId)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat((String) at(ann.post(STREAM, Map.of("p", project)), "labelStream.task.id")).isEqualTo(task));
        assertThat((List<Object>) at(ann.post(SUBMIT, Map.of("i", Map.of("taskId", task, "result", POSITIVE))), "submitAnnotation.errors")).isEmpty();
    }

    @Test
    void theLimitEndsTheStreamAndEmptyAnnotationsFollowTheSetting() {
        ApiClient manager = ApiClient.signUp(port, "Lea");
        String project = project(manager, 3);
        manager.post(SETTINGS, Map.of("i", Map.of("projectId", project, "distribution", distribution(1, 60, Map.of("unit", "COUNT", "value", 1)),
                "annotating", Map.of("showSkip", true, "allowEmptyAnnotations", true, "revealPredictionsInteractively", false,
                        "annotatorsSeeDataManager", false, "showOthersAnnotations", false))));
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Abe", manager.invite("ANNOTATOR"));
        manager.addProjectMember(project, ann.userId, "ANNOTATOR");
        Map<String, Object> first = ann.post(STREAM, Map.of("p", project));
        assertThat((String) at(first, "labelStream.state")).isEqualTo("WORKING");
        assertThat((Integer) at(first, "labelStream.task.number")).isEqualTo(1);
        assertThat((String) at(first, "labelStream.reservedUntil")).isNotNull();
        // allowed by the project: an empty annotation
        String task = at(first, "labelStream.task.id");
        assertThat((List<Object>) at(ann.post(SUBMIT, Map.of("i", Map.of("taskId", task, "result", List.of()))), "submitAnnotation.errors")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat((String) at(ann.post(STREAM, Map.of("p", project)), "labelStream.state")).isEqualTo("LIMIT_REACHED"));
    }

    /**
     * Issue 11's concurrency test: 45 annotators label at once through their streams on a project with overlap 2, after
     * 5 others took tasks and walked away (their reservations expire: the application's clock moves past them). Every
     * task ends with exactly 2 annotations, nobody is handed a task twice, no request fails.
     */
    @Test
    void fiftyConcurrentAnnotatorsFillEveryTaskToExactlyItsOverlap() throws Exception {
        int tasks = 20;
        int workers = 45;
        int walkers = 5;
        ApiClient manager = ApiClient.signUp(port, "Owen");
        String project = project(manager, tasks);
        manager.post(SETTINGS, Map.of("i", Map.of("projectId", project, "distribution", distribution(2, 1, null))));
        String invitation = null;
        List<ApiClient> people = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<ApiClient>> signUps = new ArrayList<>();
            for (int i = 0; i < workers + walkers; i++) {
                String token = manager.invite("ANNOTATOR");
                int n = i;
                signUps.add(pool.submit(() -> ApiClient.signUpWithInvitation(port, "Annotator" + n, token)));
            }
            for (Future<ApiClient> f : signUps) people.add(f.get(60, TimeUnit.SECONDS));
            String workspace = manager.graphql().document("mutation { createWorkspace(input: {name: \"Stream crowd\"}) { workspace { id } } }")
                                      .execute().path("createWorkspace.workspace.id").entity(String.class).get();
            manager.graphql().document("mutation($i: WorkspaceMembersInput!) { addWorkspaceMembers(input: $i) { errors { code } } }")
                   .variable("i", Map.of("workspaceId", workspace, "userIds", people.stream().map(p -> p.userId).toList())).execute()
                   .path("addWorkspaceMembers.errors").entityList(Object.class).hasSize(0);
            manager.graphql().document("mutation($i: MoveProjectInput!) { moveProject(input: $i) { errors { code } } }")
                   .variable("i", Map.of("projectId", project, "workspaceId", workspace)).execute()
                   .path("moveProject.errors").entityList(Object.class).hasSize(0);

            // five take a task each and never come back
            Set<String> abandoned = new HashSet<>();
            for (ApiClient walker : people.subList(workers, workers + walkers)) {
                abandoned.add(at(walker.post(STREAM, Map.of("p", project)), "labelStream.task.id"));
            }
            assertThat(abandoned).hasSize(3); // overlap 2: five reservations cover tasks 1, 2 and one place of 3

            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Map<String, List<String>> handedOut = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            try (AutoCloseable later = TestClock.advance(Duration.ofMinutes(2))) { // past the one-minute reservations
                List<Future<?>> runs = new ArrayList<>();
                for (ApiClient worker : people.subList(0, workers)) {
                    runs.add(pool.submit(() -> {
                        List<String> mine = handedOut.computeIfAbsent(worker.userId, k -> Collections.synchronizedList(new ArrayList<>()));
                        for (int round = 0; round < tasks + 2; round++) {
                            Map<String, Object> answer = worker.post(STREAM, Map.of("p", project));
                            if (answer.get("errors") != null) { failures.add("labelStream: " + answer.get("errors")); return; }
                            String task = at(answer, "labelStream.task.id");
                            if (task == null) {
                                if (!"DONE".equals(at(answer, "labelStream.state"))) failures.add("state " + at(answer, "labelStream.state"));
                                return;
                            }
                            mine.add(task);
                            Map<String, Object> submitted = worker.post(SUBMIT, Map.of("i", Map.of("taskId", task, "result", POSITIVE)));
                            if (submitted.get("errors") != null || !((List<Object>) at(submitted, "submitAnnotation.errors")).isEmpty()) {
                                failures.add("submit: " + submitted);
                                return;
                            }
                        }
                        failures.add(worker.userId + " was handed more tasks than the project has");
                    }));
                }
                for (Future<?> run : runs) run.get(60, TimeUnit.SECONDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(failures).isEmpty();
            assertThat(took).isLessThan(Duration.ofSeconds(45));
            handedOut.forEach((who, list) -> assertThat(new HashSet<>(list)).as("tasks handed to " + who).hasSameSizeAs(list));
            assertThat(handedOut.values().stream().mapToInt(List::size).sum()).isEqualTo(2 * tasks);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rows(manager, project))
                    .hasSize(tasks)
                    .allSatisfy(row -> {
                        assertThat(row.get("annotationCount")).as("annotations of task " + row.get("number")).isEqualTo(2);
                        assertThat(row.get("completed")).isEqualTo(true);
                    }));
            // the walkers' tasks came back to others: they hold nothing that counts any more
            assertThat(IntStream.range(workers, workers + walkers).mapToObj(people::get)
                    .allMatch(w -> handedOut.getOrDefault(w.userId, List.of()).isEmpty())).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The label-stream benchmark (50 annotators, 100,000 tasks) found people told "all done" with tens of thousands of
     * tasks left, and "next task" taking seconds: everyone asking at the same moment read the same first candidates,
     * offered each in turn to the aggregate, and the rounds meant to wait for the Data Manager offered the same taken
     * tasks again. Now: 30 people asking at once each get a different task at the first call, nobody is told DONE.
     */
    @Test
    void thirtyPeopleAskingAtTheSameMomentEachGetADifferentTaskAndNobodyIsToldAllDone() throws Exception {
        int people = 30;
        ApiClient manager = ApiClient.signUp(port, "Crowd");
        String project = project(manager, 200);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<ApiClient>> signUps = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String token = manager.invite("ANNOTATOR");
                int n = i;
                signUps.add(pool.submit(() -> ApiClient.signUpWithInvitation(port, "Asker" + n, token)));
            }
            List<ApiClient> crowd = new ArrayList<>();
            for (Future<ApiClient> f : signUps) crowd.add(f.get(60, TimeUnit.SECONDS));
            String workspace = manager.graphql().document("mutation { createWorkspace(input: {name: \"At once\"}) { workspace { id } } }")
                                      .execute().path("createWorkspace.workspace.id").entity(String.class).get();
            manager.graphql().document("mutation($i: WorkspaceMembersInput!) { addWorkspaceMembers(input: $i) { errors { code } } }")
                   .variable("i", Map.of("workspaceId", workspace, "userIds", crowd.stream().map(p -> p.userId).toList())).execute()
                   .path("addWorkspaceMembers.errors").entityList(Object.class).hasSize(0);
            manager.graphql().document("mutation($i: MoveProjectInput!) { moveProject(input: $i) { errors { code } } }")
                   .variable("i", Map.of("projectId", project, "workspaceId", workspace)).execute()
                   .path("moveProject.errors").entityList(Object.class).hasSize(0);

            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Map<String, Object>>> asks = new ArrayList<>();
            for (ApiClient person : crowd) {
                asks.add(pool.submit(() -> {
                    go.await();
                    return person.post(STREAM, Map.of("p", project));
                }));
            }
            go.countDown();
            List<String> handed = new ArrayList<>();
            for (Future<Map<String, Object>> ask : asks) {
                Map<String, Object> answer = ask.get(60, TimeUnit.SECONDS);
                assertThat(answer.get("errors")).as(answer.toString()).isNull();
                assertThat((Object) at(answer, "labelStream.state")).as(answer.toString()).isEqualTo("WORKING");
                handed.add(at(answer, "labelStream.task.id"));
            }
            assertThat(handed).doesNotContainNull().doesNotHaveDuplicates().hasSize(people);
        } finally {
            pool.shutdownNow();
        }
    }
}
