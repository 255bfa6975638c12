package io.labelledger.task.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the job queues honest (docs/adr/0024). The job row in PostgreSQL is the acknowledged request; the Redis
 * Stream entry only says "somebody should work on it". Redis may lose entries (a restart of a Redis that keeps
 * nothing on disk; a crash between the row's insert and the XADD), and then a job would stay QUEUED forever. Each
 * sweep ({@code MaintenanceConfig} runs it periodically), one replica at a time (a transaction-scoped advisory lock),
 * re-queues every unfinished job older than {@code grace} that has no entry in its stream; the runners resume such
 * jobs without duplicates (ADR 0016, 0018). It also deletes finished export jobs (row and file) older than the export
 * retention, and leftover partial files, so the export directory does not grow without end.
 */
public class JobSweeper {
    /** Arbitrary, fixed: the advisory lock key of the sweep (pg_advisory_xact_lock). */
    static final long LOCK_KEY = 0x4c4c_4a4f_4253_5745L;
    static final int MAX_STREAM_READ = 100_000;
    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ImportJobQueue imports;
    private final ImportJobQueue exports;
    private final ImportJobQueue bulk;
    private final ImportJobFiles importFiles;
    private final ExportJobFiles exportFiles;
    private final Duration grace;
    private final Duration exportRetention;

    public JobSweeper(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, ImportJobQueue imports, ImportJobQueue exports,
                      ImportJobQueue bulk, ImportJobFiles importFiles, ExportJobFiles exportFiles, Duration grace, Duration exportRetention) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.imports = imports;
        this.exports = exports;
        this.bulk = bulk;
        this.importFiles = importFiles;
        this.exportFiles = exportFiles;
        this.grace = grace;
        this.exportRetention = exportRetention;
    }

    /** What one sweep did. */
    public record Swept(List<String> requeuedImports, List<String> requeuedExports, List<String> requeuedBulkJobs, int expiredExports,
                        int partialFilesRemoved) {}

    /** One sweep; waits for another replica's sweep to end first (they are short). */
    public Swept sweepOnce() {
        Swept swept = tx.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, LOCK_KEY);
            Instant now = clock.instant();
            List<String> i = requeue("import_job", "('QUEUED', 'VALIDATING', 'IMPORTING')", imports, now);
            List<String> e = requeue("export_job", "('QUEUED', 'RUNNING')", exports, now);
            // bulk actions (ADR 0042): a job runs again from its first page without doing anything twice (per-task idempotence)
            List<String> b = requeue("bulk_job", "('QUEUED', 'RUNNING')", bulk, now);
            int expired = expireExports(now);
            return new Swept(i, e, b, expired, 0);
        });
        int partials = removeStalePartials(importFiles.directory()) + removeStalePartials(exportFiles.directory());
        return new Swept(swept.requeuedImports(), swept.requeuedExports(), swept.requeuedBulkJobs(), swept.expiredExports(), partials);
    }

    private List<String> requeue(String table, String liveStates, ImportJobQueue queue, Instant now) {
        List<String> unfinished = jdbc.queryForList("SELECT job_id FROM " + table + " WHERE state IN " + liveStates
                + " AND created_at < ? ORDER BY created_at", String.class, Timestamp.from(now.minus(grace)));
        if (unfinished.isEmpty()) return List.of();
        Set<String> queued = queue.queuedJobIds(MAX_STREAM_READ);
        List<String> requeued = new ArrayList<>();
        for (String job : unfinished) {
            if (queued.contains(job)) continue;
            queue.enqueue(job);
            requeued.add(job);
            log.warn("Re-queued {} {}: its queue entry was lost (Redis restarted, or the server stopped before queueing it)", table, job);
        }
        return requeued;
    }

    private int expireExports(Instant now) {
        List<String> old = jdbc.queryForList("SELECT job_id FROM export_job WHERE state IN ('COMPLETED', 'FAILED') AND finished_at < ?",
                String.class, Timestamp.from(now.minus(exportRetention)));
        for (String job : old) {
            try {
                Files.deleteIfExists(exportFiles.done(job));
                Files.deleteIfExists(exportFiles.partial(job));
            } catch (IOException e) {
                log.warn("Cannot delete the file of export job {}: {}", job, e.toString());
                continue; // keep the row: the next sweep tries again
            }
            jdbc.update("DELETE FROM export_job_task WHERE job_id = ?", job); // a Data Manager selection (ADR 0038)
            jdbc.update("DELETE FROM export_job WHERE job_id = ?", job);
        }
        return old.size();
    }

    /** Partial files (a half-received upload, a half-written export) nobody touched for longer than the retention. */
    private int removeStalePartials(Path dir) {
        Instant before = clock.instant().minus(exportRetention);
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before) && Files.deleteIfExists(f)) removed++;
            }
        } catch (IOException e) {
            log.warn("Cannot sweep {}: {}", dir, e.toString());
        }
        return removed;
    }

    /** For the scheduler: a failed sweep is logged, and the next one tries again. */
    public void sweepQuietly() {
        try {
            sweepOnce();
        } catch (RuntimeException e) {
            log.warn("Job sweep failed: {}; trying again at the next run", e.toString());
        }
    }
}
