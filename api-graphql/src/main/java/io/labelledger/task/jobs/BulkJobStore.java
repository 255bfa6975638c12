package io.labelledger.task.jobs;

import io.labelledger.project.api.BulkTaskAction;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * The {@code bulk_job} table ({@link JobStore}: kept like {@code export_job}, progress as absolute values, ended jobs
 * never change).
 */
public class BulkJobStore extends JobStore<BulkJob> {
    private static final String COLUMNS = """
            job_id, organization_id, project_id, user_id, action, selection::text AS selection, parameters::text AS parameters,
            max_number, state, total_tasks, processed_tasks, changed_tasks, refused_tasks, attempts, error, created_at, started_at,
            finished_at""";

    public BulkJobStore(JdbcTemplate jdbc, Clock clock) {
        super(jdbc, clock, "bulk_job", COLUMNS, (rs, i) -> new BulkJob(
                rs.getString("job_id"), rs.getString("organization_id"), rs.getString("project_id"), rs.getString("user_id"),
                BulkTaskAction.valueOf(rs.getString("action")), rs.getString("selection"), rs.getString("parameters"),
                rs.getLong("max_number"), BulkJob.State.valueOf(rs.getString("state")), rs.getLong("total_tasks"),
                rs.getLong("processed_tasks"), rs.getLong("changed_tasks"), rs.getLong("refused_tasks"), rs.getInt("attempts"),
                rs.getString("error"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at")));
    }

    public void create(BulkJob job) {
        jdbc.update("""
                INSERT INTO bulk_job (job_id, organization_id, project_id, user_id, action, selection, parameters, max_number, state,
                                      total_tasks, created_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""",
                job.id(), job.organizationId(), job.projectId(), job.userId(), job.action().name(), job.selectionJson(),
                job.parametersJson(), job.maxNumber(), job.state().name(), job.totalTasks(), Timestamp.from(job.createdAt()));
    }

    /** A (re)start: counts from zero, one more attempt. */
    public void started(String jobId, long total) {
        updateLive("""
                state = 'RUNNING', total_tasks = ?, processed_tasks = 0, changed_tasks = 0, refused_tasks = 0, attempts = attempts + 1,
                started_at = coalesce(started_at, ?)""", jobId, total, now());
    }

    public void progress(String jobId, long processed, long changed, long refused) {
        updateRunning("processed_tasks = ?, changed_tasks = ?, refused_tasks = ?", jobId, processed, changed, refused);
    }

    public void completed(String jobId, long processed, long changed, long refused) {
        updateLive("state = 'COMPLETED', processed_tasks = ?, changed_tasks = ?, refused_tasks = ?, finished_at = ?", jobId,
                processed, changed, refused, now());
    }
}
