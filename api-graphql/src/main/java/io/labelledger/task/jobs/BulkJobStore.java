package io.labelledger.task.jobs;

import io.labelledger.project.api.BulkTaskAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code bulk_job} table, kept like {@code export_job}: progress as absolute values (a job restarted after a crash
 * counts again from zero), ended jobs never change.
 */
public class BulkJobStore {
    private static final String COLUMNS = """
            job_id, organization_id, project_id, user_id, action, selection::text, parameters::text, max_number, state,
            total_tasks, processed_tasks, changed_tasks, refused_tasks, attempts, error, created_at, started_at, finished_at""";
    private static final RowMapper<BulkJob> ROW = (rs, i) -> new BulkJob(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), BulkTaskAction.valueOf(rs.getString(5)),
            rs.getString(6), rs.getString(7), rs.getLong(8), BulkJob.State.valueOf(rs.getString(9)), rs.getLong(10), rs.getLong(11),
            rs.getLong(12), rs.getLong(13), rs.getInt(14), rs.getString(15), instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)),
            instant(rs.getTimestamp(18)));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BulkJobStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void create(BulkJob job) {
        jdbc.update("""
                INSERT INTO bulk_job (job_id, organization_id, project_id, user_id, action, selection, parameters, max_number, state,
                                      total_tasks, created_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""",
                job.id(), job.organizationId(), job.projectId(), job.userId(), job.action().name(), job.selectionJson(),
                job.parametersJson(), job.maxNumber(), job.state().name(), job.totalTasks(), Timestamp.from(job.createdAt()));
    }

    /** For workers: any job by id. */
    public Optional<BulkJob> get(String jobId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bulk_job WHERE job_id = ?", ROW, jobId).stream().findFirst();
    }

    /** For callers: a job of their organization only; {@code userId} narrows it to their own jobs when not null. */
    public Optional<BulkJob> get(String organizationId, String jobId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bulk_job WHERE job_id = ? AND organization_id = ? AND (?::varchar IS NULL OR user_id = ?)",
                ROW, jobId, organizationId, userId, userId).stream().findFirst();
    }

    /** A (re)start: counts from zero, one more attempt. */
    public void started(String jobId, long total) {
        jdbc.update("""
                UPDATE bulk_job SET state = 'RUNNING', total_tasks = ?, processed_tasks = 0, changed_tasks = 0, refused_tasks = 0,
                       attempts = attempts + 1, started_at = coalesce(started_at, ?)
                WHERE job_id = ? AND state NOT IN ('COMPLETED', 'FAILED')""", total, now(), jobId);
    }

    public void progress(String jobId, long processed, long changed, long refused) {
        jdbc.update("UPDATE bulk_job SET processed_tasks = ?, changed_tasks = ?, refused_tasks = ? WHERE job_id = ? AND state = 'RUNNING'",
                processed, changed, refused, jobId);
    }

    public void completed(String jobId, long processed, long changed, long refused) {
        jdbc.update("""
                UPDATE bulk_job SET state = 'COMPLETED', processed_tasks = ?, changed_tasks = ?, refused_tasks = ?, finished_at = ?
                WHERE job_id = ? AND state NOT IN ('COMPLETED', 'FAILED')""", processed, changed, refused, now(), jobId);
    }

    public void failed(String jobId, String error) {
        jdbc.update("UPDATE bulk_job SET state = 'FAILED', error = ?, finished_at = ? WHERE job_id = ? AND state NOT IN ('COMPLETED', 'FAILED')",
                error, now(), jobId);
    }

    /** The project is deleted: its jobs go with it. */
    public void deleteProject(String projectId) {
        jdbc.update("DELETE FROM bulk_job WHERE project_id = ?", projectId);
    }

    private Timestamp now() { return Timestamp.from(clock.instant()); }

    private static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }
}
