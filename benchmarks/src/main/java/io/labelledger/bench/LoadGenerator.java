package io.labelledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Load generator for a running LabelLedger server. Workloads: annotate, import, import-job, rebuild, pgref, dm, labelstream, all.
 * Each prints a result block and appends a Markdown section to docs/benchmarks.md (--doc to change, --no-doc to skip).
 */
public final class LoadGenerator {
    private static final List<String> COMMON = List.of("doc", "no-doc");
    private static final List<String> ANNOTATE = List.of("url", "clients", "duration", "warmup", "tasks-per-client",
            "lag-sample-every", "lag-poll", "lag-timeout", "server-pid");
    private static final List<String> IMPORT = List.of("url", "tasks", "per-request", "server-pid", "sample-ms", "projection-timeout");
    private static final List<String> IMPORT_JOB = List.of("url", "tasks", "file", "server-pid", "sample-ms", "projection-timeout", "sync-export", "export-formats", "export-as-of");
    private static final List<String> PGREF = List.of("pg-admin-url", "pg-user", "pg-password", "connections", "duration", "warmup", "no-pgbench");

    private LoadGenerator() {}

    public static void main(String[] argv) {
        int code;
        try {
            code = run(Args.parse(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println(usage());
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code); // HttpClient selector threads are not daemon threads in every JDK; do not linger
    }

    static int run(Args args) throws Exception {
        String command = "LoadGenerator " + String.join(" ", args.raw());
        switch (args.command()) {
            case "annotate" -> {
                args.allowOnly(with(ANNOTATE));
                finish(args, Annotate.run(args, command));
            }
            case "import" -> {
                args.allowOnly(with(IMPORT));
                finish(args, Import.run(args, command));
            }
            case "import-job" -> {
                args.allowOnly(with(IMPORT_JOB));
                finish(args, ImportJobBench.run(args, command));
            }
            case "rebuild" -> {
                args.allowOnly(with(Rebuild.options()));
                finish(args, Rebuild.run(args, command));
            }
            case "dm" -> {
                args.allowOnly(with(DataManagerBench.options()));
                finish(args, DataManagerBench.run(args, command));
            }
            case "labelstream" -> {
                args.allowOnly(with(LabelStreamBench.options()));
                finish(args, LabelStreamBench.run(args, command));
            }
            case "pgref" -> {
                args.allowOnly(with(PGREF));
                finish(args, PgRef.run(args, command));
            }
            case "all" -> {
                // pgref's --duration/--warmup would clash with annotate's: "all" takes annotate's and pgref keeps its defaults
                List<String> known = new ArrayList<>(with(ANNOTATE));
                known.addAll(IMPORT);
                known.addAll(Rebuild.options());
                known.addAll(List.of("pg-admin-url", "pg-user", "pg-password", "no-pgbench", "skip-pgref"));
                args.allowOnly(known);
                if (!args.flag("skip-pgref")) {
                    List<String> pg = new ArrayList<>(List.of("pgref"));
                    for (String k : List.of("pg-admin-url", "pg-user", "pg-password")) {
                        if (args.has(k)) pg.add("--" + k + "=" + args.string(k, ""));
                    }
                    if (args.flag("no-pgbench")) pg.add("--no-pgbench");
                    finish(args, PgRef.run(Args.parse(pg.toArray(String[]::new)), command + "  [pgref step]"));
                }
                finish(args, Annotate.run(args, command + "  [annotate step]"));
                finish(args, Import.run(args, command + "  [import step]"));
                finish(args, Rebuild.run(args, command + "  [rebuild step]"));
            }
            case "help", "--help", "-h" -> System.out.println(usage());
            default -> throw new IllegalArgumentException("Unknown workload '" + args.command() + "'");
        }
        return 0;
    }

    private static List<String> with(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.addAll(COMMON);
        return all;
    }

    private static void finish(Args args, Report report) throws Exception {
        report.print();
        if (!args.flag("no-doc")) report.append(Path.of(args.string("doc", defaultDoc())));
    }

    static String defaultDoc() {
        // run from the repository root (exec:java does that) or from benchmarks/
        if (Files.isDirectory(Path.of("benchmarks")) && Files.isDirectory(Path.of("docs"))) return "docs/benchmarks.md";
        if (Files.isDirectory(Path.of("../docs"))) return "../docs/benchmarks.md";
        return "benchmarks.md";
    }

    static Path resultsFile() {
        String p = System.getProperty("bench.results");
        if (p != null) return Path.of(p);
        if (Files.isDirectory(Path.of("benchmarks"))) return Path.of("benchmarks", "target", "bench-results.properties");
        return Path.of("target", "bench-results.properties");
    }

    static String usage() {
        return """
                Usage: LoadGenerator <workload> [options]      (options: --name=value or --name value)
                  annotate  --url http://127.0.0.1:8282 --clients 16 --duration 60s --warmup 5s --tasks-per-client 2000
                            --lag-sample-every 25 --lag-poll 10ms --lag-timeout 30s [--server-pid PID]
                  import    --url ... --tasks 100000 --per-request 10000 [--server-pid PID] --sample-ms 250 --projection-timeout 10m
                  import-job --url ... --tasks 1000000 [--file /tmp/tasks.json] [--server-pid PID] --projection-timeout 60m
                            [--sync-export false] [--export-formats JSON,CSV] [--export-as-of true]
                            one JSON file through POST /api/projects/{id}/imports, then a streamed JSON export
                            and export jobs (createExport) in the given formats, each downloaded
                  rebuild   --url ... --operator-token ... --db-url jdbc:postgresql://127.0.0.1:5432/<db> [--db-user postgres --db-password ''] --timeout 20m
                  pgref     --pg-admin-url jdbc:postgresql://127.0.0.1:5432/postgres --pg-user postgres --connections 8
                            --duration 20s --warmup 2s [--no-pgbench]
                  dm        --url ... --tasks 1000000 --annotators 10 --per-task 3 --per-file 200000 --iterations 200 --warmup 20
                            [--pg-url jdbc:postgresql://127.0.0.1:5432/<db> --pg-user postgres --pg-password '']
                            Data Manager filters, sorts and counts (ADR 0038); seeds its own project first
                  labelstream --url ... --tasks 100000 --annotators 50 [--overlap 1] --duration 60s --warmup 5s [--pg-tasks 1000000]
                            [--pg-url jdbc:postgresql://127.0.0.1:5432/<db> --pg-user postgres --pg-password '']
                            the label stream (issue 11): labelStream ("next task") + submitAnnotation per annotator,
                            tasks/s and p99 of the next task; with --pg-url the raw SQL work-queue reference in the same run
                  all       pgref, annotate, import, rebuild in turn (annotate's --duration; pgref uses its defaults)
                Every workload: --doc docs/benchmarks.md (default) or --no-doc.
                Durations: 60, 60s, 500ms, 2m.""";
    }
}
