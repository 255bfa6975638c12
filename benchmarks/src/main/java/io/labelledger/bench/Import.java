package io.labelledger.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * Imports N tasks into a fresh project in requests of M tasks (the server splits each request into commands of
 * 1000), one request at a time, and watches the server's heap and RSS meanwhile. Also measures how long the
 * Data Manager takes to show every task after the last request was answered.
 */
public final class Import {
    private Import() {}

    public static Report run(Args args, String command) throws Exception {
        String url = args.string("url", "http://127.0.0.1:8282");
        int total = args.integer("tasks", 100_000);
        int perRequest = args.integer("per-request", 10_000);
        Duration projectionTimeout = args.duration("projection-timeout", Duration.ofMinutes(10));
        Api api = new Api(url, 4);

        Api.Session s = api.signUp("import");
        String project = api.createProject(s, "Import benchmark");
        Optional<Long> pid = ServerProcess.find(args);
        ServerProcess watch = null;
        if (pid.isPresent()) watch = new ServerProcess(pid.get(), args.integer("sample-ms", 250));
        else System.err.println("Server process not found: heap and RSS are not measured (pass --server-pid)");
        Thread.sleep(600); // a first heap sample before the load

        Latency requestLatency = new Latency();
        int imported = 0;
        int requests = 0;
        long start = System.nanoTime();
        try {
            for (int from = 1; from <= total && requests < 10_000; from += perRequest) {
                int count = Math.min(perRequest, total - from + 1);
                String json = Api.tasksJson(from, count);
                long t0 = System.nanoTime();
                try {
                    imported += api.importTasks(s, project, json, Duration.ofMinutes(10));
                } catch (java.io.IOException e) {
                    if (e.getMessage().contains("HTTP 500")) {
                        throw new java.io.IOException(e.getMessage() + "\nHint: a request body over the server's in-memory codec limit "
                                + "(Spring's default 256 KiB) answers 500. Spring Boot 4 reads spring.http.codecs.max-in-memory-size "
                                + "(e.g. SPRING_HTTP_CODECS_MAX_IN_MEMORY_SIZE=64MB), or use a smaller --per-request.", e);
                    }
                    throw e;
                }
                requestLatency.recordNanos(System.nanoTime() - t0);
                requests++;
                System.out.printf("  imported %,d / %,d%n", imported, total);
            }
        } finally {
            if (watch != null) watch.close();
        }
        long answered = System.nanoTime();
        double seconds = (answered - start) / 1e9;
        double rate = imported / seconds;

        // Data Manager catch-up (not part of the rate above)
        long deadline = answered + projectionTimeout.toNanos();
        long shown = -1;
        double projectionSeconds = Double.NaN;
        while (System.nanoTime() < deadline) {
            shown = api.projectTaskCount(s, project);
            if (shown >= imported) {
                projectionSeconds = (System.nanoTime() - answered) / 1e9;
                break;
            }
            Thread.sleep(100);
        }

        Report.Store store = new Report.Store(LoadGenerator.resultsFile());
        store.put("import.tasks_per_s", rate);
        Latency.Summary rl = requestLatency.summary();
        Report r = new Report("import: " + String.format("%,d", total) + " tasks in requests of " + String.format("%,d", perRequest), command);
        r.figure("Imported", String.format("%,d tasks in %d requests, %.1f s", imported, requests, seconds))
         .figure("Tasks/s (until the last request was answered)", Latency.rate(rate))
         .figure("Ratio to raw JDBC inserts/s", store.ratioToJdbc(rate))
         .figure("Request latency p50 / max", Latency.fmt(rl.p50()) + " / " + Latency.fmt(rl.max()) + " ms")
         .figure("Data Manager complete after the last answer",
                 Double.isNaN(projectionSeconds) ? "not within " + projectionTimeout.toSeconds() + " s (showed " + shown + ")"
                                                 : String.format("%.1f s (tasks/s incl. projection: %s)", projectionSeconds,
                                                         Latency.rate(imported / (seconds + projectionSeconds))));
        if (watch != null) {
            long pidValue = pid.get();
            r.figure("Server pid", Long.toString(pidValue))
             .figure("Server max heap (-XX:MaxHeapSize)", watch.maxHeapBytes().map(b -> ServerProcess.mib(b / 1024)).orElse("n/a"))
             .figure("Java heap used: before / peak / after", ServerProcess.mib(watch.firstHeapUsedKb()) + " / "
                     + ServerProcess.mib(watch.maxHeapUsedKb()) + " / " + ServerProcess.mib(watch.lastHeapUsedKb())
                     + " (jstat -gc, " + watch.heapSamples() + " samples)")
             .figure("Process RSS: before / peak sampled / VmHWM after", ServerProcess.mib(watch.rssBeforeKb()) + " / "
                     + ServerProcess.mib(watch.maxRssKb()) + " / " + ServerProcess.mib(watch.hwmNowKb())
                     + " (VmHWM before: " + ServerProcess.mib(watch.hwmBeforeKb()) + ")");
            r.note("Heap used = S0U+S1U+EU+OU from `jstat -gc` every " + args.integer("sample-ms", 250) + " ms: live objects plus garbage "
                   + "not yet collected, so the peak depends on when G1 collects; RSS is the whole process (heap committed, metaspace, "
                   + "code cache, thread stacks, direct buffers). VmHWM is the kernel's RSS high-water mark since the server started.");
        }
        r.note("One request at a time; each request body is a GraphQL mutation with the Label Studio task list as a JSON string "
               + "(~" + (Api.tasksJson(1, perRequest).length() / 1024) + " KiB per " + perRequest + " tasks).");
        return r;
    }
}
