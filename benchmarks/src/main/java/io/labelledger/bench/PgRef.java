package io.labelledger.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw PostgreSQL reference on the same machine: single-row INSERTs in autocommit over N connections into a
 * scratch table (one transaction, one WAL flush per row, like one small command), and pgbench's TPC-B-like script
 * if pgbench is installed. Uses a scratch database that is dropped afterwards.
 */
public final class PgRef {
    static final String JDBC_KEY = "pgref.jdbc.inserts_per_s";
    static final String PGBENCH_KEY = "pgref.pgbench.tps";

    private PgRef() {}

    public static Report run(Args args, String command) throws Exception {
        String adminUrl = args.string("pg-admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = args.string("pg-user", "postgres");
        String password = args.string("pg-password", "");
        int connections = args.integer("connections", 8);
        Duration duration = args.duration("duration", Duration.ofSeconds(20));
        Duration warmup = args.duration("warmup", Duration.ofSeconds(2));
        boolean pgbench = !args.flag("no-pgbench");
        String scratch = "ll_bench_pgref_" + System.currentTimeMillis();

        Report report = new Report("pgref: raw PostgreSQL reference", command);
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password)) {
            String version;
            try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
            }
            StringBuilder settings = new StringBuilder();
            for (String name : List.of("fsync", "synchronous_commit", "wal_sync_method", "shared_buffers", "max_connections")) {
                try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.append(settings.isEmpty() ? "" : ", ").append(name).append('=').append(rs.getString(1));
                }
            }
            report.figure("PostgreSQL", version + " (" + hostOf(adminUrl) + "; " + settings + ")");
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + scratch);
            }
            try {
                String url = withDatabase(adminUrl, scratch);
                jdbcInserts(url, user, password, connections, warmup, duration, report);
                if (pgbench) pgbench(adminUrl, user, scratch, connections, duration, report);
                else report.figure("pgbench", "skipped (--no-pgbench)");
            } finally {
                try (Statement st = admin.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
                }
            }
        }
        return report;
    }

    private static void jdbcInserts(String url, String user, String password, int connections, Duration warmup,
                                    Duration duration, Report report) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE bench_insert (id BIGSERIAL PRIMARY KEY, aggregate_id VARCHAR(64) NOT NULL,
                                               payload BYTEA NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
        }
        byte[] payload = new byte[300]; // about the size of a small serialized event
        java.util.Arrays.fill(payload, (byte) 'x');
        AtomicLong inserts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Latency latency = new Latency();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int id = t;
            Thread th = Thread.ofPlatform().name("pgref-" + t).start(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement ps = c.prepareStatement("INSERT INTO bench_insert (aggregate_id, payload) VALUES (?, ?)")) {
                    c.setAutoCommit(true);
                    long n = 0;
                    // bounded by time and by count (10 million per connection is far above what a disk commits in 20 s)
                    while (n < 10_000_000) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) break;
                        ps.setString(1, "agg-" + id + "-" + n);
                        ps.setBytes(2, payload);
                        try {
                            ps.executeUpdate();
                        } catch (java.sql.SQLException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        long t1 = System.nanoTime();
                        n++;
                        if (t0 >= measureFrom && t1 <= end) {
                            inserts.incrementAndGet();
                            latency.recordNanos(t1 - t0);
                        }
                    }
                } catch (Exception e) {
                    System.err.println("pgref connection " + id + " failed: " + e);
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            threads.add(th);
        }
        if (!done.await(warmup.toSeconds() + duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            threads.forEach(Thread::interrupt);
        }
        double seconds = duration.toNanos() / 1e9;
        double rate = inserts.get() / seconds;
        Latency.Summary s = latency.summary();
        report.figure("JDBC single-row INSERT, autocommit", connections + " connections, " + duration.toSeconds() + " s (+" + warmup.toSeconds() + " s warm-up)")
              .figure("JDBC inserts/s", Latency.rate(rate))
              .figure("JDBC insert latency p50 / p99 / max", Latency.fmt(s.p50()) + " / " + Latency.fmt(s.p99()) + " / " + Latency.fmt(s.max()) + " ms")
              .figure("JDBC errors", Long.toString(errors.get()));
        new Report.Store(LoadGenerator.resultsFile()).put(JDBC_KEY, rate);
        System.out.printf("JDBC inserts: %s/s (%s)%n", Latency.rate(rate), s.describe());
    }

    private static void pgbench(String adminUrl, String user, String db, int clients, Duration duration, Report report) throws Exception {
        String bin = findPgbench();
        if (bin == null) {
            report.figure("pgbench", "not installed");
            return;
        }
        String host = hostOf(adminUrl);
        String port = portOf(adminUrl);
        List<String> init = List.of(bin, "-h", host, "-p", port, "-U", user, "-i", "-q", "-s", "10", db);
        String initOut = exec(init, Duration.ofMinutes(5));
        long secs = Math.max(1, duration.toSeconds());
        List<String> cmd = List.of(bin, "-h", host, "-p", port, "-U", user, "-c", Integer.toString(clients), "-j", "2",
                "-T", Long.toString(secs), db);
        String out = exec(cmd, Duration.ofSeconds(secs + 120));
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
        if (tps.find()) {
            double v = Double.parseDouble(tps.group(1));
            new Report.Store(LoadGenerator.resultsFile()).put(PGBENCH_KEY, v);
            report.figure("pgbench (TPC-B-like, scale 10, simple protocol)", "`pgbench -c " + clients + " -j 2 -T " + secs + "`")
                  .figure("pgbench tps", Latency.rate(v) + (lat.find() ? " (latency avg " + lat.group(1) + " ms)" : ""));
        } else {
            report.figure("pgbench", "no tps in output: " + out.lines().reduce((a, b) -> b).orElse("") + " / init: " + initOut.strip());
        }
        System.out.println(out);
    }

    static String findPgbench() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, "pgbench");
                if (Files.isExecutable(p)) return p.toString();
            }
        }
        for (String v : new String[] {"17", "16", "15", "14", "13"}) {
            Path p = Path.of("/usr/lib/postgresql", v, "bin", "pgbench");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** Runs a process with a time limit; returns stdout+stderr. */
    static String exec(List<String> cmd, Duration limit) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Timed out: " + String.join(" ", cmd));
        }
        reader.join(5_000);
        synchronized (out) {
            if (p.exitValue() != 0) throw new IllegalStateException("Exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + out);
            return out.toString();
        }
    }

    static String withDatabase(String jdbcUrl, String db) {
        int q = jdbcUrl.indexOf('?');
        String head = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        String tail = q < 0 ? "" : jdbcUrl.substring(q);
        int slash = head.lastIndexOf('/');
        return head.substring(0, slash + 1) + db + tail;
    }

    static String hostOf(String jdbcUrl) {
        Matcher m = Pattern.compile("//([^:/?]+)").matcher(jdbcUrl);
        return m.find() ? m.group(1) : "127.0.0.1";
    }

    static String portOf(String jdbcUrl) {
        Matcher m = Pattern.compile("//[^:/?]+:(\\d+)").matcher(jdbcUrl);
        return m.find() ? m.group(1) : "5432";
    }
}
