package io.labelledger.task;

import io.labelledger.task.importing.ImportFormat;
import io.labelledger.task.jobs.ImportJob;
import io.labelledger.task.jobs.ImportJobFiles;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.jobs.ImportJobRunner;
import io.labelledger.task.jobs.ImportJobStore;
import io.labelledger.task.jobs.JobSweeper;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Imports as background jobs over real HTTP, PostgreSQL and Redis: upload, Redis Stream, worker, progress.
 * The tests' limit is 1 MiB and a job left pending is taken over after 3 s (src/test/resources/config/application.yml).
 */
class ImportJobIT extends IntegrationTest {
    static final String JOB = "id state format mode readCount importedCount rejectedCount error rejected { index line reason }";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportJobStore store;
    @Autowired
    ImportJobFiles files;
    @Autowired
    ImportJobQueue queue;
    @Autowired
    ImportJobRunner runner;
    @Autowired
    JobSweeper sweeper;

    ApiClient ann;
    String project;

    @BeforeEach
    void signUp() {
        ann = ApiClient.signUp(port, "Ann");
        project = ann.createProject("Jobs", ApiClient.TEXT_CONFIG);
    }

    @Test
    void aJobImportsEveryTaskAndCountsThemExactly() {
        // given a file of 2,500 tasks, i.e. three batches
        String ndjson = ndjson(2500, -1);

        // when it is uploaded as the raw body
        String job = upload(ann, project, "NDJSON", "ALL_OR_NOTHING", ndjson.getBytes(StandardCharsets.UTF_8));

        // then the job completes with exact counts and the Data Manager holds every task once
        Map<String, Object> done = awaitEnd(ann, job);
        assertThat(done).containsEntry("state", "COMPLETED").containsEntry("readCount", 2500)
                        .containsEntry("importedCount", 2500).containsEntry("rejectedCount", 0);
        awaitDataManager(project, 2500);
        assertThat(ann.post("query($p: ID!) { importJobs(projectId: $p) { id state } }", Map.of("p", project)).toString())
                .contains(job).contains("COMPLETED");
        assertThat(Files.exists(files.of(job))).as("the file is gone once the job ended").isFalse();
    }

    @Test
    void twoJobsIntoOneProjectAtOnceBothComplete() {
        // given two uploads into the same project, picked up by two worker threads at the same time
        String first = upload(ann, project, "NDJSON", "SKIP_BAD", ndjson(3000, -1).getBytes(StandardCharsets.UTF_8));
        String second = upload(ann, project, "NDJSON", "SKIP_BAD", ndjson(3000, -1).getBytes(StandardCharsets.UTF_8));

        // then both complete (batches refused by the project's concurrent append are retried) and nothing is lost
        assertThat(awaitEnd(ann, first)).containsEntry("state", "COMPLETED").containsEntry("importedCount", 3000);
        assertThat(awaitEnd(ann, second)).containsEntry("state", "COMPLETED").containsEntry("importedCount", 3000);
        assertThat(taskEvents(project)).isEqualTo(6000);
    }

    @Test
    void allOrNothingWithOneBadRecordImportsNothingAndNamesTheRecord() {
        // given a JSON array of 1,500 tasks where the one at index 1234 lacks the "text" field
        String json = IntStream.range(0, 1500).mapToObj(i -> i == 1234 ? "{\"other\":\"x\"}" : "{\"text\":\"t" + i + "\"}")
                               .collect(Collectors.joining(",\n", "[", "]"));
        long events = events();

        String job = upload(ann, project, "JSON", "ALL_OR_NOTHING", json.getBytes(StandardCharsets.UTF_8));

        Map<String, Object> done = awaitEnd(ann, job);
        assertThat(done).containsEntry("state", "FAILED").containsEntry("importedCount", 0).containsEntry("rejectedCount", 1);
        assertThat(done.get("error")).isNotNull();
        assertThat((List<Map<String, Object>>) done.get("rejected")).singleElement().satisfies(r -> assertThat(r).containsEntry("index", 1234));
        assertThat(taskEvents(project)).as("no task was imported").isZero();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void skipBadImportsTheGoodRecordsAndReportsTheBadOnesByLine() {
        // given a CSV (header on line 1) whose rows on lines 3 and 1,203 have a value too many, sent as a multipart form
        StringBuilder csv = new StringBuilder("text\n");
        for (int i = 0; i < 1500; i++) csv.append(i == 1 || i == 1201 ? "a,b\n" : "row " + i + "\n");
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", csv.toString().getBytes(StandardCharsets.UTF_8)).filename("rows.csv").contentType(MediaType.TEXT_PLAIN);

        Map<?, ?> answer = ApiClient.web(port).post().uri("/api/projects/" + project + "/imports?format=CSV&mode=SKIP_BAD")
                                    .header(HttpHeaders.COOKIE, ann.cookie).contentType(MediaType.MULTIPART_FORM_DATA)
                                    .body(BodyInserters.fromMultipartData(form.build()))
                                    .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();

        Map<String, Object> done = awaitEnd(ann, (String) answer.get("id"));
        assertThat(done).containsEntry("state", "COMPLETED").containsEntry("readCount", 1500)
                        .containsEntry("importedCount", 1498).containsEntry("rejectedCount", 2);
        assertThat((List<Map<String, Object>>) done.get("rejected")).extracting(r -> r.get("line")).containsExactly(3, 1203);
        awaitDataManager(project, 1498);
        assertThat(store.get((String) answer.get("id")).orElseThrow().fileName()).isEqualTo("rows.csv");
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsWritten() {
        byte[] big = ndjson(80_000, -1).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(1024 * 1024);
        long events = events();

        // declared length over the limit: refused before the body is read
        ApiClient.web(port).post().uri("/api/projects/" + project + "/imports?format=NDJSON").header(HttpHeaders.COOKIE, ann.cookie)
                 .contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(big.length).bodyValue(big)
                 .exchange().expectStatus().isEqualTo(413).expectBody().jsonPath("$.errors[0].code").isEqualTo("FILE_TOO_LARGE");
        // chunked, no declared length: cut off while streaming
        Flux<DataBuffer> chunks = Flux.range(0, big.length / 65536 + 1).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(java.util.Arrays.copyOfRange(big, i * 65536, Math.min(big.length, (i + 1) * 65536))));
        ApiClient.web(port).post().uri("/api/projects/" + project + "/imports?format=NDJSON").header(HttpHeaders.COOKIE, ann.cookie)
                 .contentType(MediaType.APPLICATION_OCTET_STREAM).body(chunks, DataBuffer.class)
                 .exchange().expectStatus().isEqualTo(413).expectBody().jsonPath("$.errors[0].code").isEqualTo("FILE_TOO_LARGE");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_job WHERE project_id = ?", Long.class, project)).isZero();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverWithoutDuplicates() throws Exception {
        // given a job of 2,500 tasks whose worker imported the first batch and then died (its entry left pending)
        String job = UUID.randomUUID().toString();
        Files.writeString(files.of(job), ndjson(2500, -1));
        store.create(new ImportJob(job, ann.organizationId, project, ann.userId, ImportFormat.NDJSON, ImportJob.Mode.ALL_OR_NOTHING,
                ImportJob.State.QUEUED, "dead.ndjson", Files.size(files.of(job)), null, 0, 0, 0, null, Instant.now(), null, null));
        String entry = enqueueAsDeadWorker(job);
        AtomicInteger checkpoints = new AtomicInteger();
        // checkpoints: 2 while validating (1,000 and 2,000 records), the 3rd after the first batch: "crash" there;
        // until then the doomed worker shows signs of life like a real one, so no live worker takes the job early
        ImportJobRunner.Outcome outcome;
        try (RedisClient client = RedisClient.create(TestServers.redisUrl()); StatefulRedisConnection<String, String> c = client.connect()) {
            outcome = runner.run(job, () -> checkpoints.incrementAndGet() < 3, () -> c.sync().xclaim(queue.stream(),
                    Consumer.from("importers", "dead"), XClaimArgs.Builder.minIdleTime(0).justid(), entry));
        }
        assertThat(outcome).isEqualTo(ImportJobRunner.Outcome.STOPPED);
        assertThat(store.get(job).orElseThrow().importedCount()).isEqualTo(1000);
        assertThat(taskEvents(project)).isEqualTo(1000);

        // when the entry has been idle long enough, a live worker takes it over
        Map<String, Object> done = awaitEnd(ann, job);

        // then the job completes with every task exactly once
        assertThat(done).containsEntry("state", "COMPLETED").containsEntry("importedCount", 2500);
        assertThat(taskEvents(project)).isEqualTo(2500);
        awaitDataManager(project, 2500);
        try (RedisClient client = RedisClient.create(TestServers.redisUrl()); StatefulRedisConnection<String, String> c = client.connect()) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(c.sync().xpending(queue.stream(), "importers").getCount()).as("entry " + entry + " acknowledged").isZero());
        }
    }

    @Test
    void anotherOrganizationCannotSeeOrUseAJob() {
        String job = upload(ann, project, "TEXT", "ALL_OR_NOTHING", "one\ntwo\n".getBytes(StandardCharsets.UTF_8));
        awaitEnd(ann, job);
        ApiClient bob = ApiClient.signUp(port, "Bob");

        assertThat(((Map<?, ?>) bob.post("query($id: ID!) { importJob(id: $id) { id } }", Map.of("id", job)).get("data")).get("importJob")).isNull();
        assertThat(bob.post("query($p: ID!) { importJobs(projectId: $p) { id } }", Map.of("p", project)).toString()).doesNotContain(job);
        ApiClient.web(port).post().uri("/api/projects/" + project + "/imports?format=TEXT").header(HttpHeaders.COOKIE, bob.cookie)
                 .contentType(MediaType.TEXT_PLAIN).bodyValue("intruder\n")
                 .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.errors[0].code").isEqualTo("NOT_FOUND");
        List<Object> pushed = socket(bob).document("subscription($id: ID!) { importJob(id: $id) { id } }").variable("id", job)
                                         .executeSubscription().toFlux().map(r -> (Object) r).collectList().block(Duration.ofSeconds(10));
        assertThat(pushed).isEmpty();
    }

    @Test
    void theSubscriptionPushesProgressUntilTheJobEnds() throws Exception {
        // given a recorded job of 3,000 tasks that no worker has yet
        String job = UUID.randomUUID().toString();
        Files.writeString(files.of(job), ndjson(3000, -1));
        store.create(new ImportJob(job, ann.organizationId, project, ann.userId, ImportFormat.NDJSON, ImportJob.Mode.SKIP_BAD,
                ImportJob.State.QUEUED, null, Files.size(files.of(job)), null, 0, 0, 0, null, Instant.now(), null, null));

        // when Ann follows it and it is queued
        Flux<Map> updates = socket(ann).document("subscription($id: ID!) { importJob(id: $id) { state importedCount } }")
                                       .variable("id", job).executeSubscription().toFlux("importJob", Map.class);
        List<Map> seen = updates.doOnNext(u -> {
                                    if ("QUEUED".equals(u.get("state"))) queue.enqueue(job);
                                })
                                .collectList().block(Duration.ofSeconds(60));

        // then she saw it queued, importing, and completed, the count only ever growing
        assertThat(seen).first().satisfies(u -> assertThat(u).containsEntry("state", "QUEUED"));
        assertThat(seen).last().satisfies(u -> assertThat(u).containsEntry("state", "COMPLETED").containsEntry("importedCount", 3000));
        assertThat(seen).extracting(u -> u.get("state")).contains("IMPORTING");
        List<Integer> counts = seen.stream().map(u -> (Integer) u.get("importedCount")).toList();
        assertThat(counts).isSorted();
    }

    @Test
    void aJobWhoseQueueEntryWasLostIsQueuedAgainByTheSweeper() throws Exception {
        // given an acknowledged upload (row and file) whose queue entry never reached Redis, five minutes ago
        String job = UUID.randomUUID().toString();
        Files.writeString(files.of(job), ndjson(1500, -1));
        store.create(new ImportJob(job, ann.organizationId, project, ann.userId, ImportFormat.NDJSON, ImportJob.Mode.ALL_OR_NOTHING,
                ImportJob.State.QUEUED, "lost.ndjson", Files.size(files.of(job)), null, 0, 0, 0, null,
                Instant.now().minus(Duration.ofMinutes(5)), null, null));
        assertThat(queue.queuedJobIds(1000)).doesNotContain(job);

        // when the sweeper runs
        JobSweeper.Swept swept = sweeper.sweepOnce();

        // then it queued the job again, once, and a worker imported every task
        assertThat(swept.requeuedImports()).containsExactly(job);
        assertThat(awaitEnd(ann, job)).containsEntry("state", "COMPLETED").containsEntry("importedCount", 1500);
        awaitDataManager(project, 1500);
        assertThat(sweeper.sweepOnce().requeuedImports()).as("a finished job is left alone").isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Adds the job to the stream and hands it to a consumer "dead" in one transaction, so no live worker gets it. */
    private String enqueueAsDeadWorker(String job) {
        try (RedisClient client = RedisClient.create(TestServers.redisUrl()); StatefulRedisConnection<String, String> c = client.connect()) {
            var redis = c.sync();
            redis.multi();
            redis.xadd(queue.stream(), Map.of("job", job));
            redis.xreadgroup(Consumer.from("importers", "dead"), XReadArgs.Builder.count(1), XReadArgs.StreamOffset.lastConsumed(queue.stream()));
            TransactionResult result = redis.exec();
            List<?> read = result.get(1);
            assertThat(read).hasSize(1);
            return result.get(0);
        }
    }

    static String ndjson(int n, int bad) {
        return IntStream.range(0, n).mapToObj(i -> i == bad ? "{\"other\":1}" : "{\"text\":\"task " + i + "\"}")
                        .collect(Collectors.joining("\n", "", "\n"));
    }

    private String upload(ApiClient user, String projectId, String format, String mode, byte[] body) {
        Map<?, ?> answer = ApiClient.web(port).post().uri("/api/projects/" + projectId + "/imports?format=" + format + "&mode=" + mode)
                                    .header(HttpHeaders.COOKIE, user.cookie).contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body)
                                    .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((Object) answer.get("state")).isEqualTo("QUEUED");
        return (String) answer.get("id");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitEnd(ApiClient user, String job) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<String, Object> data = (Map<String, Object>) user.post("query($id: ID!) { importJob(id: $id) { " + JOB + " } }", Map.of("id", job)).get("data");
            return (Map<String, Object>) data.get("importJob");
        }, j -> j != null && ("COMPLETED".equals(j.get("state")) || "FAILED".equals(j.get("state"))));
    }

    private void awaitDataManager(String projectId, int tasks) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT count(*) FROM dm_task WHERE project_id = ?", Long.class, projectId)).isEqualTo(tasks));
    }

    private long taskEvents(String projectId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.labelledger.task.api.TaskImported'
                AND convert_from(payload, 'UTF8') LIKE ?""", Long.class, "%" + projectId + "%");
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private WebSocketGraphQlTester socket(ApiClient user) {
        return WebSocketGraphQlTester.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                                     .headers(h -> h.add(HttpHeaders.COOKIE, user.cookie)).build();
    }
}
