package io.labelledger.workflow;

import io.labelledger.project.api.BulkTaskAction;
import io.labelledger.task.jobs.BulkJob;
import io.labelledger.task.jobs.BulkJobRunner;
import io.labelledger.task.jobs.BulkJobStore;
import io.labelledger.task.jobs.BulkParameters;
import io.labelledger.task.jobs.BulkSelection;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.jobs.ImportJobRunner;
import io.labelledger.task.jobs.JobSweeper;
import io.labelledger.task.read.filter.TaskFilter;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.labelledger.workflow.LabelStreamIT.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk jobs that outlive their worker and bulk progress pushed (ADR 0048): a job abandoned mid-way whose queue entry is
 * gone is queued again by the sweeper (ADR 0024) and finishes exactly once; the bulkTaskJob subscription pushes every
 * page's progress until the job ends.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class BulkJobRecoveryIT extends IntegrationTest {
    static final int TASKS = 450; // three pages of BulkJobRunner.PAGE (200)

    @LocalServerPort
    int port;
    @Autowired
    BulkJobStore store;
    @Autowired
    BulkJobRunner runner;
    @Autowired
    @Qualifier("bulkJobQueue")
    ImportJobQueue queue;
    @Autowired
    JobSweeper sweeper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    String project(ApiClient manager) {
        String project = manager.createProject("Bulk recovery", BulkTaskIT.CONFIG);
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= TASKS; i++) ndjson.append("{\"text\":\"task ").append(i).append("\"}\n");
        manager.importTasks(project, ndjson.toString(), "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class)
               .isEqualTo(TASKS);
        await().atMost(Duration.ofSeconds(30)).until(() -> (Integer) at(manager.post("query($p: ID!) { project(id: $p) { taskCount } }",
                Map.of("p", project)), "project.taskCount") == TASKS);
        return project;
    }

    /**
     * A job row of "every task of the project", acknowledged {@code age} ago, with no entry in the queue. Recent (ZERO)
     * while a test works it: the scheduled sweep (every minute) leaves it to the test until {@link #backdate}.
     */
    String job(ApiClient user, String project, BulkTaskAction action, BulkParameters parameters, Duration age) {
        String id = UUID.randomUUID().toString();
        long max = jdbc.queryForObject("SELECT max(number) FROM dm_task WHERE project_id = ?", Long.class, project);
        store.create(new BulkJob(id, user.organizationId, project, user.userId, action,
                json.writeValueAsString(BulkSelection.matching(null, null, TaskFilter.NONE, List.of())), json.writeValueAsString(parameters),
                max, BulkJob.State.QUEUED, TASKS, 0, 0, 0, 0, null, clock.instant().minus(age), null, null));
        return id;
    }

    /** Five minutes old: past the sweeper's grace period. */
    void backdate(String job) {
        jdbc.update("UPDATE bulk_job SET created_at = created_at - interval '5 minutes' WHERE job_id = ?", job);
    }

    @Test
    void aBulkLabelAbandonedMidWayIsQueuedAgainByTheSweeperAndLabelsEveryTaskOnce() {
        ApiClient manager = ApiClient.signUp(port, "Rhea");
        String project = project(manager);
        var result = json.readTree("""
                [{"from_name":"sentiment","to_name":"text","type":"choices","value":{"choices":["Positive"]}}]""");
        String job = job(manager, project, BulkTaskAction.LABEL, new BulkParameters(List.of(), null, result), Duration.ZERO);

        // given a worker that did the first page and died (it never acknowledged anything; its queue entry is lost too)
        AtomicInteger pages = new AtomicInteger();
        assertThat(runner.run(job, () -> pages.incrementAndGet() < 1, () -> {})).isEqualTo(ImportJobRunner.Outcome.STOPPED);
        assertThat(store.get(job).orElseThrow()).satisfies(j -> {
            assertThat(j.state()).isEqualTo(BulkJob.State.RUNNING);
            assertThat(j.processedTasks()).isEqualTo(200);
        });
        assertThat(queue.queuedJobIds(1000)).doesNotContain(job);

        // when the sweeper runs, past its grace period
        backdate(job);
        JobSweeper.Swept swept = sweeper.sweepOnce();

        // then the job is queued again, once, a worker finishes it, and every task has exactly one annotation of it
        assertThat(swept.requeuedBulkJobs()).contains(job);
        BulkJob ended = await().atMost(Duration.ofSeconds(90)).until(() -> store.get(job).orElseThrow(), j -> j.state().terminal());
        assertThat(ended.state()).isEqualTo(BulkJob.State.COMPLETED);
        assertThat(ended.processedTasks()).isEqualTo(TASKS);
        assertThat(ended.refusedTasks()).isZero();
        assertThat(ended.changedTasks()).as("the first attempt's tasks are already so").isEqualTo(TASKS - 200);
        assertThat(ended.attempts()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM dm_annotation WHERE project_id = ?", Long.class, project)).isEqualTo(TASKS);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM dm_task WHERE project_id = ? AND annotation_count = 1", Long.class, project))
                    .isEqualTo(TASKS);
        });
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%AnnotationSubmitted' AND aggregate_identifier IN
                       (SELECT task_id FROM dm_task WHERE project_id = ?)""", Long.class, project)).isEqualTo(TASKS);
        // one audit entry for the job
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat((List<Object>) at(manager.post("""
                query($p: ID!) { auditLog(filter: {aggregateId: $p, eventType: "BulkTaskActionRecorded"}) { edges { node { payload } } } }""",
                Map.of("p", project)), "auditLog.edges")).hasSize(1));
        // and a later sweep leaves the ended job alone
        assertThat(sweeper.sweepOnce().requeuedBulkJobs()).doesNotContain(job);
    }

    @Test
    void aJobRunAgainAfterItsAuditEntryWasRecordedRecordsItOnce() {
        ApiClient manager = ApiClient.signUp(port, "Ravi");
        String project = project(manager);
        String job = job(manager, project, BulkTaskAction.ASSIGN,
                new BulkParameters(List.of(manager.userId), io.labelledger.task.api.AssignmentKind.REVIEW, null), Duration.ZERO);
        // the first worker ran it to the end (audit entry recorded) and died before the job row said COMPLETED
        assertThat(runner.run(job, () -> true, () -> {})).isEqualTo(ImportJobRunner.Outcome.ENDED);
        jdbc.update("UPDATE bulk_job SET state = 'RUNNING', finished_at = NULL WHERE job_id = ?", job);
        backdate(job);

        assertThat(sweeper.sweepOnce().requeuedBulkJobs()).contains(job);
        await().atMost(Duration.ofSeconds(60)).until(() -> store.get(job).orElseThrow().state().terminal());
        assertThat(store.get(job).orElseThrow().state()).isEqualTo(BulkJob.State.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dm_task WHERE project_id = ? AND ? = ANY(assigned_reviewers)", Long.class,
                project, manager.userId)).isEqualTo(TASKS);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat((List<Object>) at(manager.post("""
                query($p: ID!) { auditLog(filter: {aggregateId: $p, eventType: "BulkTaskActionRecorded"}) { edges { node { payload } } } }""",
                Map.of("p", project)), "auditLog.edges")).hasSize(1));
    }

    @Test
    void theSubscriptionPushesEveryPageUntilTheJobEndsAndNothingOfOthersJobs() {
        ApiClient manager = ApiClient.signUp(port, "Pia");
        String project = project(manager);
        String job = job(manager, project, BulkTaskAction.ASSIGN,
                new BulkParameters(List.of(manager.userId), io.labelledger.task.api.AssignmentKind.ANNOTATION, null), Duration.ZERO);

        // when Pia follows her job and it is queued
        Flux<Map> updates = socket(manager).document("""
                        subscription($id: ID!) { bulkTaskJob(id: $id) { state totalTasks processedTasks changedTasks } }""")
                                           .variable("id", job).executeSubscription().toFlux("bulkTaskJob", Map.class);
        List<Map> seen = updates.doOnNext(u -> {
                                    if ("QUEUED".equals(u.get("state"))) queue.enqueue(job);
                                })
                                .collectList().block(Duration.ofSeconds(90));

        // then she saw it queued, running page by page, and completed; the count only grew
        assertThat(seen).first().satisfies(u -> assertThat(u).containsEntry("state", "QUEUED"));
        assertThat(seen).last().satisfies(u -> assertThat(u).containsEntry("state", "COMPLETED").containsEntry("processedTasks", TASKS)
                                                          .containsEntry("changedTasks", TASKS));
        List<Integer> processed = seen.stream().map(u -> (Integer) u.get("processedTasks")).toList();
        assertThat(processed).isSorted().anyMatch(n -> n > 0 && n < TASKS);

        // someone else (another organization) follows nothing of it
        ApiClient stranger = ApiClient.signUp(port, "Stan");
        List<Object> pushed = socket(stranger).document("subscription($id: ID!) { bulkTaskJob(id: $id) { id } }").variable("id", job)
                                              .executeSubscription().toFlux().map(r -> (Object) r).collectList().block(Duration.ofSeconds(10));
        assertThat(pushed).isEmpty();
    }

    private WebSocketGraphQlTester socket(ApiClient user) {
        return WebSocketGraphQlTester.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                                     .headers(h -> h.add(HttpHeaders.COOKIE, user.cookie)).build();
    }
}
