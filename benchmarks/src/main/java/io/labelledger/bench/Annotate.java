package io.labelledger.bench;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N concurrent annotators submitting annotations as fast as the server answers (closed loop, no think time).
 * Each client is its own user (own organization, Owner) with its own project and tasks, all created before the
 * measured window, so clients never contend for a task and each annotates every task of its project once.
 * Every k-th successful mutation is handed to a separate prober that polls {@code task(id){annotationCount}}
 * every ~10 ms until the Data Manager shows the annotation: the projection lag.
 */
public final class Annotate {
    private static final String SUBMIT = """
            mutation($in: SubmitAnnotationInput!) { submitAnnotation(input: $in) { annotation { id } errors { code message } } }""";
    private static final String TASK = "query($id: ID!) { task(id: $id) { annotationCount } }";
    private static final List<Map<String, Object>> RESULT = List.of(Map.of(
            "from_name", "sentiment", "to_name", "text", "type", "choices", "value", Map.of("choices", List.of("Positive"))));

    private Annotate() {}

    record Client(int index, Api.Session session, String projectId, List<String> taskIds) {}

    public static Report run(Args args, String command) throws Exception {
        String url = args.string("url", "http://127.0.0.1:8282");
        int clients = args.integer("clients", 16);
        Duration duration = args.duration("duration", Duration.ofSeconds(60));
        Duration warmup = args.duration("warmup", Duration.ofSeconds(5));
        int tasksPerClient = args.integer("tasks-per-client", 2_000);
        int sampleEvery = args.integer("lag-sample-every", 25);
        Duration lagPoll = args.duration("lag-poll", Duration.ofMillis(10));
        Duration lagTimeout = args.duration("lag-timeout", Duration.ofSeconds(30));
        Api api = new Api(url, clients * 2);

        // ---- setup (not measured) ------------------------------------------------------------------------
        System.out.printf("Setting up %d clients: sign-up, project, %d tasks each...%n", clients, tasksPerClient);
        long setupStart = System.nanoTime();
        List<Client> all = new ArrayList<>();
        try (ExecutorService setup = Executors.newFixedThreadPool(Math.min(clients, 4))) {
            List<Future<Client>> fs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int idx = i;
                fs.add(setup.submit(() -> {
                    Api.Session s = api.signUp("annotate-" + idx);
                    String project = api.createProject(s, "Annotate benchmark " + idx);
                    int imported = 0;
                    for (int from = 1; from <= tasksPerClient; from += 1000) { // 1000 per request stays below 256 KiB bodies
                        imported += api.importTasks(s, project, Api.tasksJson(from, Math.min(1000, tasksPerClient - from + 1)), Duration.ofMinutes(5));
                    }
                    if (imported != tasksPerClient) throw new IllegalStateException("imported " + imported + " of " + tasksPerClient);
                    List<String> ids = waitForTasks(api, s, project, tasksPerClient, Duration.ofMinutes(5));
                    return new Client(idx, s, project, ids);
                }));
            }
            for (Future<Client> f : fs) all.add(f.get(15, TimeUnit.MINUTES));
        }
        System.out.printf("Setup done in %.1f s%n", (System.nanoTime() - setupStart) / 1e9);

        // ---- measured window -------------------------------------------------------------------------------
        Latency latency = new Latency();
        Latency lag = new Latency();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lagTimeouts = new AtomicLong();
        AtomicLong lagSkipped = new AtomicLong();
        AtomicLong okTotal = new AtomicLong();
        AtomicLong exhausted = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        Semaphore probeSlots = new Semaphore(64);
        java.util.Optional<Long> serverPid = ServerProcess.find(args);
        double[] cpuBefore = {-1, -1};
        ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        Thread.ofVirtual().start(() -> { // CPU seconds over the measured window only
            try {
                Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            cpuBefore[0] = serverPid.map(Annotate::cpuSeconds).orElse(-1.0);
            cpuBefore[1] = cpuSeconds(ProcessHandle.current().pid());
        });
        for (Client c : all) {
            Thread.ofPlatform().name("annotator-" + c.index()).start(() -> {
                try {
                    for (String taskId : c.taskIds()) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) return;
                        Map<String, Object> in = Map.of("taskId", taskId, "result", RESULT, "leadTimeSeconds", 3.5);
                        Api.Answer a;
                        try {
                            a = api.graphql(c.session(), SUBMIT, Map.of("in", in), Duration.ofSeconds(60));
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            errorKinds.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                            continue;
                        }
                        long t1 = System.nanoTime();
                        List<String> errors = a.errors("submitAnnotation");
                        boolean measured = t0 >= measureFrom && t1 <= end;
                        if (!errors.isEmpty()) {
                            failed.incrementAndGet();
                            errorKinds.computeIfAbsent(errors.getFirst(), k -> new AtomicLong()).incrementAndGet();
                            continue;
                        }
                        long n = okTotal.incrementAndGet();
                        if (!measured) continue;
                        ok.incrementAndGet();
                        latency.recordNanos(t1 - t0);
                        if (n % sampleEvery == 0) {
                            if (probeSlots.tryAcquire()) {
                                probes.submit(() -> {
                                    try {
                                        probeLag(api, c.session(), taskId, t1, lagPoll, lagTimeout, lag, lagTimeouts);
                                    } finally {
                                        probeSlots.release();
                                    }
                                });
                            } else {
                                lagSkipped.incrementAndGet();
                            }
                        }
                    }
                    exhausted.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        double[] cpuAfter = {-1, -1};
        Thread cpuEnd = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            cpuAfter[0] = serverPid.map(Annotate::cpuSeconds).orElse(-1.0);
            cpuAfter[1] = cpuSeconds(ProcessHandle.current().pid());
        });
        boolean finished = done.await(warmup.toSeconds() + duration.toSeconds() + 120, TimeUnit.SECONDS);
        probes.shutdown();
        boolean probesDone = probes.awaitTermination(lagTimeout.toSeconds() + 10, TimeUnit.SECONDS);
        if (!probesDone) probes.shutdownNow();

        cpuEnd.join(5_000);
        double seconds = duration.toNanos() / 1e9;
        double rate = ok.get() / seconds;
        String cpu = "n/a";
        if (cpuBefore[0] >= 0 && cpuAfter[0] >= 0 && ok.get() > 0) {
            double server = cpuAfter[0] - cpuBefore[0];
            double gen = cpuAfter[1] - cpuBefore[1];
            cpu = String.format(java.util.Locale.ROOT, "server %.2f cores (%.1f ms CPU per command), load generator %.2f cores, of %d",
                    server / seconds, server * 1000 / ok.get(), gen / seconds, Runtime.getRuntime().availableProcessors());
        }
        Latency.Summary s = latency.summary();
        Latency.Summary l = lag.summary();
        Report.Store store = new Report.Store(LoadGenerator.resultsFile());
        store.put("annotate.commands_per_s", rate);
        Report r = new Report("annotate: " + clients + " concurrent annotator" + (clients == 1 ? "" : "s") + ", " + duration.toSeconds() + " s", command);
        r.figure("Clients", clients + " (each its own user, organization, project and " + tasksPerClient + " tasks; closed loop, no think time)")
         .figure("Window", duration.toSeconds() + " s measured after " + warmup.toSeconds() + " s warm-up")
         .figure("submitAnnotation commands/s", Latency.rate(rate))
         .figure("Ratio to raw JDBC inserts/s", store.ratioToJdbc(rate))
         .figure("Successful in window", Long.toString(ok.get()))
         .figure("Errors (whole run)", failed.get() + (errorKinds.isEmpty() ? "" : " " + errorKinds))
         .figure("Latency p50 / p90 / p99 / max", Latency.fmt(s.p50()) + " / " + Latency.fmt(s.p90()) + " / " + Latency.fmt(s.p99()) + " / " + Latency.fmt(s.max()) + " ms")
         .figure("Projection lag p50 / p99 / max", Latency.fmt(l.p50()) + " / " + Latency.fmt(l.p99()) + " / " + Latency.fmt(l.max())
                 + " ms (" + l.count() + " samples, every " + sampleEvery + "th mutation; polled every " + lagPoll.toMillis()
                 + " ms for 50 ms, then every 20% of the elapsed time)")
         .figure("CPU used in the window", cpu)
         .figure("Lag samples timed out / skipped", lagTimeouts.get() + " (> " + lagTimeout.toSeconds() + " s) / " + lagSkipped.get());
        if (exhausted.get() > 0) r.note(exhausted.get() + " client(s) ran out of tasks before the end: raise --tasks-per-client.");
        if (!finished) r.note("Some clients did not finish within the time limit.");
        r.note("Latency is the client-side time of one submitAnnotation HTTP request (cookie session) on loopback. "
               + "Projection lag is the time from the mutation's answer until a task(id) query answered annotationCount >= 1 "
               + "(an upper bound: it includes up to one poll interval, i.e. <= 20% above 50 ms, and the probing query's own latency).");
        return r;
    }

    /** utime+stime of a process in seconds, from /proc/<pid>/stat (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // fields 14 and 15 of stat
        } catch (Exception e) {
            return -1;
        }
    }

    static List<String> waitForTasks(Api api, Api.Session s, String project, int expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (api.projectTaskCount(s, project) >= expected) {
                List<String> ids = api.taskIds(s, project, expected);
                if (ids.size() >= expected) return ids;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Data Manager did not show " + expected + " tasks of project " + project + " within " + limit);
    }

    private static void probeLag(Api api, Api.Session s, String taskId, long answeredAt, Duration poll, Duration timeout,
                                 Latency lag, AtomicLong timeouts) {
        long deadline = answeredAt + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Api.Answer a = api.graphql(s, TASK, Map.of("id", taskId), Duration.ofSeconds(10));
                long seen = System.nanoTime();
                JsonNode task = a.data().path("task");
                if (task.path("annotationCount").asInt() >= 1) {
                    lag.recordNanos(seen - answeredAt);
                    return;
                }
                // 10 ms steps for the first 50 ms, then 20% of the time elapsed: a probe costs ~20 queries, not ~lag/10 ms
                long elapsedMs = (System.nanoTime() - answeredAt) / 1_000_000;
                Thread.sleep(elapsedMs < 50 ? poll.toMillis() : Math.max(poll.toMillis(), elapsedMs / 5));
            }
            timeouts.incrementAndGet();
        } catch (Exception e) {
            timeouts.incrementAndGet();
        }
    }
}
