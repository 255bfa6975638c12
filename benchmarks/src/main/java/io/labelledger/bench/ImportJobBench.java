package io.labelledger.bench;

import tools.jackson.databind.JsonNode;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One large import through the job API, then its export: generates a Label Studio JSON file of N tasks on disk,
 * uploads it as one streamed request (POST /api/projects/{id}/imports), follows the job to its end and the Data
 * Manager until it shows every task, then downloads the project as JSON (streamed, counted, discarded). Samples
 * the server's heap and RSS all along: run the server with a modest -Xmx to show that memory stays flat.
 */
public final class ImportJobBench {
    private ImportJobBench() {}

    public static Report run(Args args, String command) throws Exception {
        String url = args.string("url", "http://127.0.0.1:8282");
        int total = args.integer("tasks", 1_000_000);
        Duration timeout = args.duration("projection-timeout", Duration.ofMinutes(60));
        Path file = Path.of(args.string("file", System.getProperty("java.io.tmpdir") + "/ll-bench-import-" + total + ".json"));
        Api api = new Api(url, 2);
        boolean syncExport = !args.has("sync-export") || args.flag("sync-export");
        java.util.List<String> jobFormats = java.util.Arrays.stream(args.string("export-formats", "JSON").split(","))
                                                            .map(String::strip).filter(f -> !f.isEmpty()).toList();

        long g0 = System.nanoTime();
        write(file, total);
        double generated = (System.nanoTime() - g0) / 1e9;
        long fileBytes = Files.size(file);
        System.out.printf("  file %s: %,d bytes, %,d tasks (%.1f s)%n", file, fileBytes, total, generated);

        Api.Session s = api.signUp("import-job");
        String project = api.createProject(s, "Import job benchmark");
        Optional<Long> pid = ServerProcess.find(args);
        ServerProcess watch = pid.isPresent() ? new ServerProcess(pid.get(), args.integer("sample-ms", 250)) : null;
        if (watch == null) System.err.println("Server process not found: heap and RSS are not measured (pass --server-pid)");
        Thread.sleep(600);

        long start = System.nanoTime();
        double uploaded, jobDone, inDataManager, exported = 0;
        JsonNode job;
        long[] export = {0, 0};
        java.util.List<ExportJobRun> exportJobs = new java.util.ArrayList<>();
        try {
            String jobId = api.uploadImport(s, project, file, "JSON", "ALL_OR_NOTHING");
            uploaded = (System.nanoTime() - start) / 1e9;
            System.out.printf("  uploaded in %.1f s, job %s%n", uploaded, jobId);
            long deadline = System.nanoTime() + timeout.toNanos();
            String last = "";
            while (true) {
                job = api.importJob(s, jobId);
                String line = job.path("state").asString() + " read " + job.path("readCount").asLong() + " imported " + job.path("importedCount").asLong();
                if (!line.equals(last)) System.out.printf("  %6.1f s  %s%n", (System.nanoTime() - start) / 1e9, line);
                last = line;
                String state = job.path("state").asString();
                if (state.equals("COMPLETED") || state.equals("FAILED")) break;
                if (System.nanoTime() > deadline) throw new IllegalStateException("the job did not end within " + timeout);
                Thread.sleep(500);
            }
            jobDone = (System.nanoTime() - start) / 1e9;
            if (!job.path("state").asString().equals("COMPLETED")) throw new IllegalStateException("the job failed: " + job);
            long shown;
            while ((shown = api.projectTaskCount(s, project)) < total) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the Data Manager showed " + shown + " tasks after " + timeout);
                Thread.sleep(500);
            }
            // the project's counter moves per import batch, the rows per projection batch: wait for the last row too
            while (api.lastTaskNumberShown(s, project) < total) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the Data Manager's last row is missing after " + timeout);
                Thread.sleep(500);
            }
            inDataManager = (System.nanoTime() - start) / 1e9;
            System.out.printf("  all %,d tasks in the Data Manager after %.1f s%n", total, inDataManager);

            if (syncExport) {
                long e0 = System.nanoTime();
                export = api.export(s, project, "JSON");
                exported = (System.nanoTime() - e0) / 1e9;
                System.out.printf("  exported %,d bytes (%,d tasks) in %.1f s%n", export[0], export[1], exported);
            }
            for (String format : jobFormats) exportJobs.add(exportJob(api, s, project, format, java.util.Map.of(), timeout));
            if (args.flag("export-as-of")) {
                // every task folded from the event store as of now (the auditors' export)
                exportJobs.add(exportJob(api, s, project, "JSON", java.util.Map.of("asOf", java.time.Instant.now().toString()), timeout));
            }
        } finally {
            if (watch != null) watch.close();
            Files.deleteIfExists(file);
        }

        Report r = new Report("import job: " + String.format("%,d", total) + " tasks in one file, then "
                + (syncExport ? "JSON export and " : "") + "export jobs " + jobFormats, command);
        r.figure("File", String.format("%,d bytes of Label Studio JSON (one array), generated in %.1f s", fileBytes, generated))
         .figure("Upload (streamed to the server's disk)", String.format("%.1f s", uploaded))
         .figure("Job completed (validation pass + import pass)", String.format("%.1f s: %s tasks/s", jobDone, Latency.rate(total / jobDone)))
         .figure("All tasks in the Data Manager", String.format("%.1f s: **%s tasks/s** end to end", inDataManager, Latency.rate(total / inDataManager)));
        if (syncExport) {
            r.figure("Export JSON (streamed GET)", String.format("%,d bytes, %,d tasks in %.1f s: **%s tasks/s**", export[0], export[1], exported,
                    Latency.rate(export[1] / exported)));
        }
        for (ExportJobRun e : exportJobs) {
            r.figure("Export job " + e.format() + " (createExport → COMPLETED)", String.format("%,d tasks, %,d bytes in %.1f s: **%s tasks/s**",
                    e.tasks(), e.fileBytes(), e.seconds(), Latency.rate(e.tasks() / e.seconds())))
             .figure("Export job " + e.format() + " download", String.format("%,d bytes in %.1f s", e.downloaded(), e.downloadSeconds()));
        }
        if (watch != null) {
            r.figure("Server max heap (-XX:MaxHeapSize)", watch.maxHeapBytes().map(b -> ServerProcess.mib(b / 1024)).orElse("n/a"))
             .figure("Java heap used: before / peak / after", ServerProcess.mib(watch.firstHeapUsedKb()) + " / "
                     + ServerProcess.mib(watch.maxHeapUsedKb()) + " / " + ServerProcess.mib(watch.lastHeapUsedKb())
                     + " (jstat -gc, " + watch.heapSamples() + " samples)")
             .figure("Process RSS: before / peak sampled / VmHWM after", ServerProcess.mib(watch.rssBeforeKb()) + " / "
                     + ServerProcess.mib(watch.maxRssKb()) + " / " + ServerProcess.mib(watch.hwmNowKb())
                     + " (VmHWM before: " + ServerProcess.mib(watch.hwmBeforeKb()) + ")");
        }
        r.note("ALL_OR_NOTHING: the worker reads the file twice (a validation pass, then the import pass in commands of 1,000 "
               + "tasks). The rate up to 'Job completed' counts both passes; the end-to-end rate waits for the Data Manager "
               + "projection as well. The export GET is streamed from the read model in keyset pages; an export job writes "
               + "the same snapshot to a file on the server (renamed when whole), then the file is downloaded.");
        return r;
    }

    record ExportJobRun(String format, long tasks, long fileBytes, double seconds, long downloaded, double downloadSeconds) {}

    /** One export job: created, followed until COMPLETED (progress printed), then its file downloaded and discarded. */
    static ExportJobRun exportJob(Api api, Api.Session s, String project, String format, java.util.Map<String, Object> filters,
                                  Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        String id = api.createExport(s, project, format, filters);
        if (!filters.isEmpty()) format = format + " " + filters;
        long deadline = t0 + timeout.toNanos();
        JsonNode job;
        String last = "";
        while (true) {
            job = api.exportJob(s, id);
            String state = job.path("state").asString();
            String line = state + " processed " + job.path("processedTasks").asLong() + " written " + job.path("writtenTasks").asLong();
            if (!line.equals(last)) System.out.printf("  export %s %6.1f s  %s%n", format, (System.nanoTime() - t0) / 1e9, line);
            last = line;
            if (state.equals("COMPLETED") || state.equals("FAILED")) break;
            if (System.nanoTime() > deadline) throw new IllegalStateException("the export job did not end within " + timeout);
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!job.path("state").asString().equals("COMPLETED")) throw new IllegalStateException("the export job failed: " + job);
        long d0 = System.nanoTime();
        long bytes = api.download(s, job.path("downloadUrl").asString());
        double downloadSeconds = (System.nanoTime() - d0) / 1e9;
        System.out.printf("  export job %s: %,d tasks, %,d bytes in %.1f s; downloaded in %.1f s%n", format,
                job.path("writtenTasks").asLong(), bytes, seconds, downloadSeconds);
        return new ExportJobRun(format, job.path("writtenTasks").asLong(), job.path("fileBytes").asLong(), seconds, bytes, downloadSeconds);
    }

    /** Label Studio task JSON written record by record: never more than one task in memory. */
    static void write(Path file, int total) throws java.io.IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('[');
            for (int n = 1; n <= total; n++) {
                if (n > 1) w.write(",\n");
                w.write("{\"data\":{\"text\":\"Benchmark review number " + n + ": the delivery was "
                        + (n % 3 == 0 ? "late but the product works" : "quick and the product is fine") + ", would order again.\"}}");
            }
            w.write("]\n");
        }
    }
}
