package io.labelledger.task;

import io.labelledger.task.exportfile.ExportFormat;
import io.labelledger.task.jobs.ExportJob;
import io.labelledger.task.jobs.ExportJobFiles;
import io.labelledger.task.jobs.ExportJobRunner;
import io.labelledger.task.jobs.ExportJobStore;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.jobs.ImportJobRunner;
import io.labelledger.task.jobs.JobSweeper;
import io.labelledger.testing.TestClock;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import io.labelledger.testing.TestServers;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exports as background jobs over real HTTP, PostgreSQL and Redis: createExport, the export stream's worker, the
 * file on disk, the download. A job left pending by a "dead" worker is taken over after 3 s in tests.
 */
class ExportJobIT extends IntegrationTest {
    static final String JOB = "id state format totalTasks processedTasks writtenTasks fileBytes fileName downloadUrl error";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CHOICE = "[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"%s\"]}}]";

    @LocalServerPort
    int port;
    @Autowired
    ExportJobStore store;
    @Autowired
    ExportJobFiles files;
    @Autowired
    @Qualifier("exportJobQueue")
    ImportJobQueue queue;
    @Autowired
    ExportJobRunner runner;
    @Autowired
    JobSweeper sweeper;
    @Autowired
    io.labelledger.task.history.TaskHistory history;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    @Qualifier("eventSerializer")
    org.axonframework.serialization.Serializer eventSerializer;

    ApiClient ann;
    String project;

    @BeforeEach
    void signUp() {
        ann = ApiClient.signUp(port, "Ann");
        project = ann.createProject("Exports", ApiClient.TEXT_CONFIG);
    }

    @Test
    void aFinishedJobDownloadsTheSameFileAsTheSynchronousExport() {
        // given 1,200 tasks (three pages), two of them annotated
        importTasks(1200);
        List<String> tasks = taskIds(2);
        annotate(ann, tasks.get(0), "Positive");
        annotate(ann, tasks.get(1), "Negative");
        awaitAnnotations(2);

        for (String format : List.of("JSON", "CSV")) {
            // when an export job is created and has finished
            Map<String, Object> done = awaitEnd(ann, createExport(ann, format, Map.of()));

            // then its file is the synchronous export's, byte for byte, with the format's type and a file name
            assertThat(done).containsEntry("state", "COMPLETED").containsEntry("totalTasks", 1200)
                            .containsEntry("processedTasks", 1200).containsEntry("writtenTasks", 1200);
            EntityExchangeResult<byte[]> file = download(ann, (String) done.get("id"), 200);
            byte[] sync = ann.export(project, "format=" + format).expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(file.getResponseBody()).isEqualTo(sync);
            assertThat(((Number) done.get("fileBytes")).longValue()).isEqualTo(sync.length);
            assertThat(file.getResponseHeaders().getContentType()).isEqualTo(ExportFormat.valueOf(format).mediaType());
            assertThat(file.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo(done.get("fileName"))
                    .endsWith(ExportFormat.valueOf(format).extension());
            assertThat(done.get("downloadUrl")).isEqualTo("/api/exports/" + done.get("id") + "/download");
        }
        assertThat(ann.post("query($p: ID!) { exportJobs(projectId: $p) { id state } }", Map.of("p", project)).toString())
                .contains("COMPLETED");
    }

    @Test
    void filtersByUserAndAsOfGiveTheRightSubsetAndAreRecorded() throws Exception {
        // given three tasks: Ann annotated the first, Bob (an Admin) the second, then a moment T, then Ann the third
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ADMIN"));
        importTasks(3);
        List<String> tasks = taskIds(3);
        annotate(ann, tasks.get(0), "Positive");
        annotate(bob, tasks.get(1), "Negative");
        awaitAnnotations(2);
        Thread.sleep(50);
        Instant t = Instant.now();
        Thread.sleep(50);
        annotate(ann, tasks.get(2), "Neutral");
        awaitAnnotations(3);

        // when Bob's annotations are exported: only his task, only his annotation
        JsonNode byBob = exported(Map.of("userIds", List.of(bob.userId)));
        assertThat(byBob).hasSize(1);
        assertThat(byBob.get(0).get("data").get("text").asString()).isEqualTo("task 1");
        assertThat(byBob.get(0).get("annotations")).hasSize(1);
        assertThat(byBob.get(0).get("annotations").get(0).get("result").get(0).get("value").get("choices").get(0).asString()).isEqualTo("Negative");

        // when the completed tasks as of T are exported: the third was not annotated then
        JsonNode thenCompleted = exported(Map.of("onlyCompleted", true, "asOf", t.toString()));
        assertThat(texts(thenCompleted)).containsExactly("task 0", "task 1");
        // and every task as of T: the third without annotations
        JsonNode then = exported(Map.of("asOf", t.toString()));
        assertThat(texts(then)).containsExactly("task 0", "task 1", "task 2");
        assertThat(then.get(2).get("annotations")).isEmpty();
        // while now all three are complete
        assertThat(texts(exported(Map.of("onlyCompleted", true)))).containsExactly("task 0", "task 1", "task 2");

        // and the audit log says who exported what with which filters
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ann.post("""
                { auditLog(first: 20, filter: {eventType: "ProjectExported"}) { edges { node { payload } } } }""", Map.of()).toString())
                .contains(bob.userId).contains(t.toString()).contains("exportJobId"));
    }

    @Test
    void onlyGroundTruthEqualsTheSynchronousExportAndFollowsTheMarkAsOfAnInstant() throws Exception {
        // given three tasks: Ann annotated all three, Bob (an Admin) the first; Bob's first and Ann's third are ground truth
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ADMIN"));
        importTasks(3);
        List<String> tasks = taskIds(3);
        String annFirst = annotate(ann, tasks.get(0), "Positive");
        String bobFirst = annotate(bob, tasks.get(0), "Negative");
        annotate(ann, tasks.get(1), "Neutral");
        String annThird = annotate(ann, tasks.get(2), "Negative");
        awaitAnnotations(4);
        setGroundTruth(tasks.get(0), bobFirst, true);
        setGroundTruth(tasks.get(2), annThird, true);
        awaitGroundTruth(2);
        Thread.sleep(50);
        Instant t = Instant.now();
        Thread.sleep(50);
        // then the mark moves to Ann's annotation of the first task, and the third loses it
        setGroundTruth(tasks.get(0), annFirst, true);
        setGroundTruth(tasks.get(2), annThird, false);
        awaitGroundTruth(1);

        for (String format : List.of("JSON", "CSV")) {
            // when only the ground truth is exported by a job: the synchronous export's bytes
            Map<String, Object> done = awaitEnd(ann, createExport(ann, format, Map.of("onlyGroundTruth", true)));
            assertThat(done).containsEntry("state", "COMPLETED").containsEntry("totalTasks", 1).containsEntry("writtenTasks", 1);
            byte[] sync = ann.export(project, "format=" + format + "&onlyGroundTruth=true").expectStatus().isOk()
                             .expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(download(ann, (String) done.get("id"), 200).getResponseBody()).as(format).isEqualTo(sync);
        }
        JsonNode now = exported(Map.of("onlyGroundTruth", true));
        assertThat(texts(now)).containsExactly("task 0");
        assertThat(now.get(0).get("annotations")).singleElement().satisfies(a -> {
            assertThat(a.get("id").asString()).isEqualTo(annFirst);
            assertThat(a.get("ground_truth").asBoolean()).isTrue();
        });

        // and as of T: Bob's annotation of the first task and Ann's of the third
        JsonNode then = exported(Map.of("onlyGroundTruth", true, "asOf", t.toString()));
        assertThat(texts(then)).containsExactly("task 0", "task 2");
        assertThat(then.get(0).get("annotations")).singleElement().satisfies(a -> assertThat(a.get("id").asString()).isEqualTo(bobFirst));
        assertThat(then.get(1).get("annotations")).singleElement().satisfies(a -> assertThat(a.get("id").asString()).isEqualTo(annThird));
        // the whole task as of T says which annotation was ground truth then
        JsonNode all = exported(Map.of("asOf", t.toString()));
        assertThat(all.get(0).get("annotations")).extracting(a -> a.get("ground_truth").asBoolean()).containsExactly(false, true);

        // the job and the audit log record the filter
        assertThat(ann.post("query($p: ID!) { exportJobs(projectId: $p) { onlyGroundTruth } }", Map.of("p", project)).toString())
                .contains("onlyGroundTruth=true");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ann.post("""
                { auditLog(first: 20, filter: {eventType: "ProjectExported"}) { edges { node { payload } } } }""", Map.of()).toString())
                .contains("onlyGroundTruth=true"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProjectExported.json", "ProjectExported_v2.json", "ProjectExported_v3.json", "ProjectExported_v4.json"})
    void storedOlderProjectExportedEventsReadBackThroughTheApplicationsUpcasters(String golden) throws Exception {
        // revision 1 must pass 1 -> 2 -> 3 -> 4 -> 5 in that order, revision 2 from 2, ... revision 4 only 4 -> 5 (ADR 0022, 0030, 0038)
        var node = JSON.readTree(Files.readString(java.nio.file.Path.of("..", "command", "src", "test", "resources", "golden", golden)));
        var entry = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Project", "p-1", 0, "e-1", Instant.now(),
                node.get("type").asString(), node.get("revision").asString(), node.get("payload").toString().getBytes(), "{}".getBytes());

        var upcast = axon.upcasterChain().upcast(java.util.stream.Stream.of(
                new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(entry, eventSerializer))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("5");
        var read = (io.labelledger.project.api.ProjectExported) eventSerializer.deserialize(upcast.get(0).getData());
        assertThat(read.rawValues()).isEqualTo(golden.equals("ProjectExported_v4.json"));
        assertThat(read.selection()).isNull();
        if (!golden.equals("ProjectExported_v3.json") && !golden.equals("ProjectExported_v4.json")) assertThat(read.onlyGroundTruth()).isFalse();
        assertThat(read.onlyCompleted()).isTrue();
        assertThat(read.taskCount()).isEqualTo(25);
    }

    @Test
    void badFiltersAndUnfitFormatsAreRefusedAndNothingIsQueued() {
        assertThat(errorCode(createExportRaw(ann, "JSON", Map.of("userIds", List.of("not-a-user"))))).isEqualTo("VALIDATION");
        assertThat(errorCode(createExportRaw(ann, "JSON", Map.of("asOf", Instant.now().plusSeconds(3600).toString())))).isEqualTo("VALIDATION");
        assertThat(errorCode(createExportRaw(ann, "COCO", Map.of()))).isEqualTo("VALIDATION"); // not an image project
        assertThat(ann.post("query($p: ID!) { exportJobs(projectId: $p) { id } }", Map.of("p", project)).toString()).doesNotContain("id=");
    }

    @Test
    void anotherOrganizationGetsNotFoundForTheJobAndTheDownload() {
        importTasks(2);
        String job = (String) awaitEnd(ann, createExport(ann, "JSON", Map.of())).get("id");
        ApiClient eve = ApiClient.signUp(port, "Eve");

        assertThat(((Map<?, ?>) eve.post("query($id: ID!) { exportJob(id: $id) { id } }", Map.of("id", job)).get("data")).get("exportJob")).isNull();
        assertThat(eve.post("query($p: ID!) { exportJobs(projectId: $p) { id } }", Map.of("p", project)).toString()).doesNotContain(job);
        download(eve, job, 404);
        assertThat(errorCode(createExportRaw(eve, "JSON", Map.of()))).isEqualTo("NOT_FOUND");
        download(ann, job, 200);
    }

    @Test
    void aJobWhoseWorkerDiedIsRestartedAndNoHalfFileIsServed() throws Exception {
        // given a job of 1,200 tasks whose worker wrote the first page and then died (its entry left pending)
        importTasks(1200);
        String job = UUID.randomUUID().toString();
        store.create(new ExportJob(job, ann.organizationId, project, ann.userId, ExportFormat.JSON, false, List.of(), null, 1200,
                ExportJob.State.QUEUED, 1200, 0, 0, null, 0, null, Instant.now(), null, null));
        String entry = enqueueAsDeadWorker(job);
        AtomicInteger pages = new AtomicInteger();
        ImportJobRunner.Outcome outcome;
        try (RedisClient client = RedisClient.create(TestServers.redisUrl()); StatefulRedisConnection<String, String> c = client.connect()) {
            outcome = runner.run(job, () -> pages.incrementAndGet() < 2, () -> c.sync().xclaim(queue.stream(),
                    Consumer.from("exporters", "dead"), XClaimArgs.Builder.minIdleTime(0).justid(), entry));
        }
        assertThat(outcome).isEqualTo(ImportJobRunner.Outcome.STOPPED);
        assertThat(store.get(job).orElseThrow().state()).isEqualTo(ExportJob.State.RUNNING);
        assertThat(Files.exists(files.done(job))).as("no finished file yet").isFalse();
        download(ann, job, 404);

        // when the entry has been idle long enough, a live worker takes it over
        Map<String, Object> done = awaitEnd(ann, job);

        // then the job completes from the start and its file is whole
        assertThat(done).containsEntry("state", "COMPLETED").containsEntry("writtenTasks", 1200);
        assertThat(store.get(job).orElseThrow().attempts()).isEqualTo(2);
        byte[] sync = ann.export(project, "format=JSON").expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(download(ann, job, 200).getResponseBody()).isEqualTo(sync);
        assertThat(Files.exists(files.partial(job))).isFalse();
    }

    @Test
    void aJobWhoseQueueEntryWasLostIsQueuedAgainAndOldExportsExpire() throws Exception {
        // given a recorded export job whose queue entry was lost (Redis restarted) ten minutes ago
        importTasks(3);
        String job = UUID.randomUUID().toString();
        store.create(new ExportJob(job, ann.organizationId, project, ann.userId, ExportFormat.JSON, false, List.of(), null, 3,
                ExportJob.State.QUEUED, 3, 0, 0, null, 0, null, Instant.now().minus(Duration.ofMinutes(10)), null, null));

        // when the sweeper runs, then the job is queued again and completes
        assertThat(sweeper.sweepOnce().requeuedExports()).containsExactly(job);
        assertThat(awaitEnd(ann, job)).containsEntry("state", "COMPLETED").containsEntry("writtenTasks", 3);
        assertThat(Files.exists(files.done(job))).isTrue();

        // when it is older than the retention (7 days), the sweeper deletes its file and its row
        try (AutoCloseable later = TestClock.advance(Duration.ofDays(8))) {
            assertThat(sweeper.sweepOnce().expiredExports()).isGreaterThanOrEqualTo(1);
        }
        assertThat(Files.exists(files.done(job))).isFalse();
        download(ann, job, 404);
        assertThat(((Map<?, ?>) ann.post("query($id: ID!) { exportJob(id: $id) { id } }", Map.of("id", job)).get("data")).get("exportJob")).isNull();
    }

    @Test
    void manyTasksAsOfAnInstantFoldInOneReadExactlyAsOneByOne() throws Exception {
        // given tasks with submitted, updated and deleted annotations and a ground-truth mark, then a moment T, then more
        importTasks(4);
        List<String> tasks = taskIds(4);
        annotate(ann, tasks.get(0), "Positive");
        annotate(ann, tasks.get(1), "Negative");
        annotate(ann, tasks.get(2), "Positive");
        awaitAnnotations(3);
        String annotation = (String) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) ((Map<?, ?>) ann.post(
                "query($id: ID!) { task(id: $id) { annotations { id } } }", Map.of("id", tasks.get(1))).get("data")).get("task"))
                .get("annotations")).getFirst()).get("id");
        ann.post("mutation($i: SetGroundTruthInput!) { setGroundTruth(input: $i) { errors { code } } }",
                Map.of("i", Map.of("taskId", tasks.get(1), "annotationId", annotation, "groundTruth", true)));
        Thread.sleep(20);
        Instant t = Instant.now();
        Thread.sleep(20);
        annotate(ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ADMIN")), tasks.get(3), "Negative");
        ApiClient eve = ApiClient.signUp(port, "Eve");
        String theirs = eve.createProject("Theirs", ApiClient.TEXT_CONFIG);
        eve.importTasks(theirs, "[{\"text\":\"x\"}]", "JSON", "ALL_OR_NOTHING");

        // when they are folded in one read and one by one
        List<String> ids = new ArrayList<>(tasks);
        ids.add(UUID.randomUUID().toString()); // no such task
        for (Instant at : List.of(t, Instant.now())) {
            Map<String, io.labelledger.task.history.TaskSnapshotView> many = history.asOf(ann.organizationId, ids, at);
            // then both give the same snapshots; unknown ids are absent
            for (String id : ids) {
                assertThat(Optional.ofNullable(many.get(id))).as(id + " at " + at).isEqualTo(history.asOf(ann.organizationId, id, at));
            }
            assertThat(many).doesNotContainKey(ids.getLast());
        }
        assertThat(history.asOf(ann.organizationId, ids, t).get(tasks.get(1)).annotations().getFirst().groundTruth()).isTrue();
        assertThat(history.asOf(ann.organizationId, ids, t).get(tasks.get(3)).annotations()).isEmpty();
        // another organization's task is never folded for this one
        assertThat(history.asOf(eve.organizationId, tasks, Instant.now())).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private JsonNode exported(Map<String, Object> filters) {
        Map<String, Object> done = awaitEnd(ann, createExport(ann, "JSON", filters));
        assertThat(done).containsEntry("state", "COMPLETED");
        return JSON.readTree(new String(download(ann, (String) done.get("id"), 200).getResponseBody(), StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode tasks) {
        List<String> out = new ArrayList<>();
        tasks.forEach(t -> out.add(t.get("data").get("text").asString()));
        return out;
    }

    private void importTasks(int n) {
        String ndjson = IntStream.range(0, n).mapToObj(i -> "{\"text\":\"task " + i + "\"}").collect(Collectors.joining("\n", "", "\n"));
        ann.importTasks(project, ndjson, "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(n);
    }

    /** The ids of the first {@code n} tasks, in number order. */
    @SuppressWarnings("unchecked")
    private List<String> taskIds(int n) {
        Map<String, Object> data = (Map<String, Object>) ann.post("""
                query($p: ID!, $n: Int) { project(id: $p) { tasks(first: $n, orderBy: {field: NUMBER, direction: ASC}) { edges { node { id number } } } } }""",
                Map.of("p", project, "n", n)).get("data");
        Map<String, Object> tasks = (Map<String, Object>) ((Map<String, Object>) data.get("project")).get("tasks");
        List<Map<String, Object>> edges = (List<Map<String, Object>>) tasks.get("edges");
        return edges.stream().map(e -> (Map<String, Object>) e.get("node"))
                    .sorted(java.util.Comparator.comparing(node -> ((Number) node.get("number")).longValue()))
                    .map(node -> (String) node.get("id")).toList();
    }

    private static String annotate(ApiClient user, String task, String choice) {
        return user.graphql().document("mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }")
            .variable("i", Map.of("taskId", task, "result", JSON.readValue(CHOICE.formatted(choice), Object.class)))
            .execute().path("submitAnnotation.errors").entityList(Object.class).hasSize(0)
            .path("submitAnnotation.annotation.id").entity(String.class).get();
    }

    private void setGroundTruth(String task, String annotation, boolean mark) {
        ann.graphql().document("mutation($i: SetGroundTruthInput!) { setGroundTruth(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", task, "annotationId", annotation, "groundTruth", mark))
           .execute().path("setGroundTruth.errors").entityList(Object.class).hasSize(0);
    }

    /** Waits until {@code n} tasks of the project have a ground-truth annotation in the Data Manager. */
    private void awaitGroundTruth(int n) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ann.post("""
                query($p: ID!) { project(id: $p) { tasks(first: 100) { edges { node { groundTruth } } } } }""", Map.of("p", project))
                .toString().split("groundTruth=true", -1)).hasSize(n + 1));
    }

    private void awaitAnnotations(int n) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ann.graphql()
                .document("query($id: ID!) { project(id: $id) { annotationCount } }").variable("id", project).execute()
                .path("project.annotationCount").entity(Integer.class).isEqualTo(n));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> createExportRaw(ApiClient user, String format, Map<String, Object> filters) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", project, "format", format, "filters", filters));
        Map<String, Object> data = (Map<String, Object>) user.post("""
                mutation($i: CreateExportInput!) { createExport(input: $i) { job { id state } errors { code field } } }""",
                Map.of("i", input)).get("data");
        return (Map<String, Object>) data.get("createExport");
    }

    @SuppressWarnings("unchecked")
    private String createExport(ApiClient user, String format, Map<String, Object> filters) {
        Map<String, Object> payload = createExportRaw(user, format, filters);
        assertThat((List<Object>) payload.get("errors")).isEmpty();
        return (String) ((Map<String, Object>) payload.get("job")).get("id");
    }

    @SuppressWarnings("unchecked")
    private static String errorCode(Map<String, Object> payload) {
        assertThat(payload.get("job")).isNull();
        return (String) ((List<Map<String, Object>>) payload.get("errors")).getFirst().get("code");
    }

    private EntityExchangeResult<byte[]> download(ApiClient user, String job, int status) {
        return ApiClient.web(port).get().uri("/api/exports/" + job + "/download").header(HttpHeaders.COOKIE, user.cookie)
                        .exchange().expectStatus().isEqualTo(status).expectBody(byte[].class).returnResult();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitEnd(ApiClient user, String job) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<String, Object> data = (Map<String, Object>) user.post("query($id: ID!) { exportJob(id: $id) { " + JOB + " } }", Map.of("id", job)).get("data");
            return (Map<String, Object>) data.get("exportJob");
        }, j -> j != null && ("COMPLETED".equals(j.get("state")) || "FAILED".equals(j.get("state"))));
    }

    /** Adds the job to the stream and hands it to a consumer "dead" in one transaction, so no live worker gets it. */
    private String enqueueAsDeadWorker(String job) {
        try (RedisClient client = RedisClient.create(TestServers.redisUrl()); StatefulRedisConnection<String, String> c = client.connect()) {
            var redis = c.sync();
            redis.multi();
            redis.xadd(queue.stream(), Map.of("job", job));
            redis.xreadgroup(Consumer.from("exporters", "dead"), XReadArgs.Builder.count(1), XReadArgs.StreamOffset.lastConsumed(queue.stream()));
            TransactionResult result = redis.exec();
            List<?> read = result.get(1);
            assertThat(read).hasSize(1);
            return result.get(0);
        }
    }
}
