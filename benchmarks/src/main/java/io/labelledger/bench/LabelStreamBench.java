package io.labelledger.bench;

import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The label stream (issue 11, ADR 0036/0042): A annotators of one organization label one project of N tasks through
 * their streams at once — {@code labelStream} (the "next task": the task held, else a reservation made on the Task
 * aggregate) then {@code submitAnnotation}, in a closed loop without think time. Reports tasks/s (submits in the
 * window) and the p50/p99 of the "next task" call, and, with --pg-url, the raw PostgreSQL reference in the same run:
 * the same loop as a work queue in plain SQL (SELECT … FOR UPDATE SKIP LOCKED, INSERT the annotation, UPDATE the
 * count, one transaction per task) on a table of N rows with A connections.
 */
public final class LabelStreamBench {
    private LabelStreamBench() {}

    static List<String> options() {
        return List.of("url", "tasks", "annotators", "overlap", "duration", "warmup", "per-request", "projection-timeout", "pg-url",
                "pg-user", "pg-password", "pg-tasks");
    }

    private static final String STREAM = "query($p: ID!) { labelStream(projectId: $p) { state task { id } } }";
    private static final String SUBMIT = """
            mutation($in: SubmitAnnotationInput!) { submitAnnotation(input: $in) { annotation { id } errors { code message } } }""";
    private static final List<Map<String, Object>> RESULT = List.of(Map.of(
            "from_name", "sentiment", "to_name", "text", "type", "choices", "value", Map.of("choices", List.of("Positive"))));

    public static Report run(Args args, String command) throws Exception {
        String url = args.string("url", "http://127.0.0.1:8282");
        int tasks = args.integer("tasks", 100_000);
        int annotators = args.integer("annotators", 50);
        int overlap = args.integer("overlap", 1);
        int perRequest = args.integer("per-request", 1_000);
        Duration duration = args.duration("duration", Duration.ofSeconds(60));
        Duration warmup = args.duration("warmup", Duration.ofSeconds(5));
        Duration projectionTimeout = args.duration("projection-timeout", Duration.ofMinutes(30));
        Api api = new Api(url, annotators * 2);

        // ---- setup (not measured): an owner, the annotators (invited, in one workspace with the project), the tasks
        System.out.printf("Setting up: %d annotators, a project of %,d tasks (overlap %d)...%n", annotators, tasks, overlap);
        long setupStart = System.nanoTime();
        Api.Session owner = api.signUp("stream-owner");
        String project = api.createProject(owner, "Label stream benchmark");
        for (int from = 1; from <= tasks; from += perRequest) {
            int count = Math.min(perRequest, tasks - from + 1);
            api.importTasks(owner, project, Api.tasksJson(from, count), Duration.ofMinutes(10));
            if ((from / perRequest) % 20 == 0) System.out.printf("  imported %,d / %,d%n", from + count - 1, tasks);
        }
        api.graphqlOk(owner, """
                mutation($i: UpdateProjectSettingsInput!) { updateProjectSettings(input: $i) { errors { code message } } }""",
                Map.of("i", Map.of("projectId", project, "distribution", Map.of("mode", "AUTO", "overlap", overlap,
                        "reservationMinutes", 60, "sampling", "SEQUENTIAL"))), "updateProjectSettings");
        List<Api.Session> people = new ArrayList<>();
        try (ExecutorService setup = Executors.newFixedThreadPool(4)) {
            List<Future<Api.Session>> fs = new ArrayList<>();
            for (int i = 0; i < annotators; i++) {
                String invitation = api.graphqlOk(owner, "mutation { createInvitation(input: {role: ANNOTATOR}) { token errors { code message } } }",
                        null, "createInvitation").path("createInvitation").path("token").asString();
                int n = i;
                fs.add(setup.submit(() -> api.signUp("stream-annotator-" + n, invitation)));
            }
            for (Future<Api.Session> f : fs) people.add(f.get(5, TimeUnit.MINUTES));
        }
        String workspace = api.graphqlOk(owner, "mutation { createWorkspace(input: {name: \"Stream benchmark\"}) { workspace { id } errors { code message } } }",
                null, "createWorkspace").path("createWorkspace").path("workspace").path("id").asString();
        api.graphqlOk(owner, "mutation($i: WorkspaceMembersInput!) { addWorkspaceMembers(input: $i) { errors { code message } } }",
                Map.of("i", Map.of("workspaceId", workspace, "userIds", people.stream().map(Api.Session::userId).toList())), "addWorkspaceMembers");
        api.graphqlOk(owner, "mutation($i: MoveProjectInput!) { moveProject(input: $i) { errors { code message } } }",
                Map.of("i", Map.of("projectId", project, "workspaceId", workspace)), "moveProject");
        long deadline = System.nanoTime() + projectionTimeout.toNanos();
        while (api.projectTaskCount(owner, project) < tasks) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the Data Manager did not show every task within " + projectionTimeout);
            Thread.sleep(500);
        }
        System.out.printf("Setup done in %.1f s%n", (System.nanoTime() - setupStart) / 1e9);

        // ---- measured window ---------------------------------------------------------------------------------
        Latency next = new Latency();
        Latency submit = new Latency();
        AtomicLong labeled = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(annotators);
        for (int i = 0; i < annotators; i++) {
            Api.Session me = people.get(i);
            Thread.ofPlatform().name("stream-annotator-" + i).start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        Api.Answer a = api.graphql(me, STREAM, Map.of("p", project), Duration.ofSeconds(60));
                        long t1 = System.nanoTime();
                        JsonNode stream = a.data().path("labelStream");
                        if (a.status() != 200 || a.body().has("errors") || stream.isMissingNode()) {
                            failed.incrementAndGet();
                            errorKinds.computeIfAbsent("labelStream " + a.status(), k -> new AtomicLong()).incrementAndGet();
                            continue;
                        }
                        if (t0 >= measureFrom && t1 <= end) next.recordNanos(t1 - t0);
                        String task = stream.path("task").path("id").asString("");
                        if (task.isEmpty()) { // DONE: this person has nothing left
                            done.incrementAndGet();
                            return;
                        }
                        Api.Answer s = api.graphql(me, SUBMIT, Map.of("in", Map.of("taskId", task, "result", RESULT, "leadTimeSeconds", 2.0)),
                                Duration.ofSeconds(60));
                        long t2 = System.nanoTime();
                        List<String> errors = s.errors("submitAnnotation");
                        if (!errors.isEmpty()) {
                            failed.incrementAndGet();
                            errorKinds.computeIfAbsent(errors.getFirst(), k -> new AtomicLong()).incrementAndGet();
                            continue;
                        }
                        if (t1 >= measureFrom && t2 <= end) {
                            labeled.incrementAndGet();
                            submit.recordNanos(t2 - t1);
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    errorKinds.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                } finally {
                    finished.countDown();
                }
            });
        }
        boolean allEnded = finished.await(warmup.toSeconds() + duration.toSeconds() + 180, TimeUnit.SECONDS);
        double seconds = duration.toNanos() / 1e9;
        Latency.Summary n = next.summary();
        Latency.Summary s = submit.summary();
        Report r = new Report("labelstream: " + annotators + " concurrent annotators, " + String.format(Locale.ROOT, "%,d", tasks)
                              + " tasks, overlap " + overlap + ", " + duration.toSeconds() + " s", command);
        r.figure("Annotators", annotators + " (one organization, one project through a workspace; closed loop: labelStream then submitAnnotation)")
         .figure("Window", duration.toSeconds() + " s measured after " + warmup.toSeconds() + " s warm-up")
         .figure("Tasks labeled/s (submits in the window)", Latency.rate(labeled.get() / seconds))
         .figure("\"Next task\" (labelStream) p50 / p90 / p99 / max", Latency.fmt(n.p50()) + " / " + Latency.fmt(n.p90()) + " / "
                 + Latency.fmt(n.p99()) + " / " + Latency.fmt(n.max()) + " ms (" + n.count() + " calls)")
         .figure("submitAnnotation p50 / p99", Latency.fmt(s.p50()) + " / " + Latency.fmt(s.p99()) + " ms")
         .figure("Errors (whole run)", failed.get() + (errorKinds.isEmpty() ? "" : " " + errorKinds))
         .figure("Annotators who ran out of tasks", Long.toString(done.get()));
        if (!allEnded) r.note("Some annotators did not finish within the time limit.");
        if (args.has("pg-url")) {
            // raw SQL labels thousands of tasks a second: its queue must not run dry within the window
            int pgTasks = args.integer("pg-tasks", Math.max(tasks, 1_000_000));
            pgReference(args.string("pg-url", ""), args.string("pg-user", "postgres"), args.string("pg-password", ""), pgTasks, overlap,
                    annotators, warmup, duration, r);
        } else {
            r.note("No --pg-url: the raw PostgreSQL reference was not measured.");
        }
        r.note("labelStream answers the task the caller holds, else offers candidates from the Data Manager to the Task aggregate "
               + "(ReserveTask) until one is reserved; the reference does the same work as one SQL transaction per task.");
        return r;
    }

    /**
     * The raw PostgreSQL reference: the label stream as a plain work queue. A temporary-free scratch table of N rows
     * (dropped afterwards); each of A connections loops: BEGIN; SELECT one row with room FOR UPDATE SKIP LOCKED (the
     * "next task"); INSERT an annotation row; UPDATE the row's count; COMMIT.
     */
    static void pgReference(String url, String user, String password, int tasks, int overlap, int connections, Duration warmup,
                            Duration duration, Report r) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_stream_annotation, bench_stream_task");
            st.execute("CREATE TABLE bench_stream_task (id BIGINT PRIMARY KEY, annotations INT NOT NULL DEFAULT 0, overlap INT NOT NULL)");
            st.execute("CREATE TABLE bench_stream_annotation (task_id BIGINT NOT NULL, annotator INT NOT NULL, result JSONB NOT NULL, "
                       + "PRIMARY KEY (task_id, annotator))");
            st.execute("INSERT INTO bench_stream_task (id, overlap) SELECT g, " + overlap + " FROM generate_series(1, " + tasks + ") g");
            st.execute("CREATE INDEX bench_stream_open ON bench_stream_task (id) WHERE annotations < overlap");
            st.execute("ANALYZE bench_stream_task");
        }
        Latency next = new Latency();
        AtomicLong labeled = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong ranOut = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            int me = i;
            Thread.ofPlatform().name("pg-stream-" + i).start(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement pick = c.prepareStatement("""
                             SELECT t.id FROM bench_stream_task t WHERE t.annotations < t.overlap
                             AND NOT EXISTS (SELECT 1 FROM bench_stream_annotation a WHERE a.task_id = t.id AND a.annotator = ?)
                             ORDER BY t.id LIMIT 1 FOR UPDATE SKIP LOCKED""");
                     PreparedStatement insert = c.prepareStatement("INSERT INTO bench_stream_annotation VALUES (?, ?, ?::jsonb)");
                     PreparedStatement count = c.prepareStatement("UPDATE bench_stream_task SET annotations = annotations + 1 WHERE id = ?")) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        pick.setInt(1, me);
                        long id;
                        try (ResultSet rs = pick.executeQuery()) {
                            if (!rs.next()) {
                                c.commit();
                                ranOut.incrementAndGet();
                                return;
                            }
                            id = rs.getLong(1);
                        }
                        long t1 = System.nanoTime();
                        insert.setLong(1, id);
                        insert.setInt(2, me);
                        insert.setString(3, "[{\"from_name\":\"sentiment\",\"value\":{\"choices\":[\"Positive\"]}}]");
                        insert.executeUpdate();
                        count.setLong(1, id);
                        count.executeUpdate();
                        c.commit();
                        long t2 = System.nanoTime();
                        if (t0 >= measureFrom && t2 <= end) {
                            next.recordNanos(t1 - t0);
                            labeled.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await(warmup.toSeconds() + duration.toSeconds() + 120, TimeUnit.SECONDS);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_stream_annotation, bench_stream_task");
        }
        Latency.Summary n = next.summary();
        double seconds = duration.toNanos() / 1e9;
        r.figure("Raw PostgreSQL reference: tasks/s", Latency.rate(labeled.get() / seconds) + " (" + connections + " JDBC connections, "
                 + "SKIP LOCKED pick + INSERT + UPDATE per transaction, a queue of " + String.format(Locale.ROOT, "%,d", tasks) + " tasks)")
         .figure("Raw PostgreSQL reference: pick p50 / p99", Latency.fmt(n.p50()) + " / " + Latency.fmt(n.p99()) + " ms"
                 + (failed.get() > 0 ? " (" + failed.get() + " connections failed)" : ""));
        if (ranOut.get() > 0) r.note(ranOut.get() + " reference connection(s) ran out of tasks before the end: raise --pg-tasks.");
    }
}
