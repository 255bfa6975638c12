package io.labelledger.task.jobs;

import io.labelledger.task.exportfile.ExportFormat;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code export_job} table ({@link JobStore}): progress as absolute values, so a job restarted after a crash starts
 * its counts again instead of adding to them; ended jobs are never changed.
 */
public class ExportJobStore extends JobStore<ExportJob> {
    private static final String COLUMNS = """
            job_id, organization_id, project_id, user_id, format, only_completed, user_ids, as_of, max_number, state,
            total_tasks, processed_tasks, written_tasks, file_bytes, attempts, error, created_at, started_at, finished_at,
            only_ground_truth, raw_values, selected""";

    public ExportJobStore(JdbcTemplate jdbc, Clock clock) {
        super(jdbc, clock, "export_job", COLUMNS, (rs, i) -> new ExportJob(
                rs.getString("job_id"), rs.getString("organization_id"), rs.getString("project_id"), rs.getString("user_id"),
                ExportFormat.valueOf(rs.getString("format")), rs.getBoolean("only_completed"),
                rs.getString("user_ids") == null ? List.of() : Arrays.asList(rs.getString("user_ids").split(",")),
                instant(rs, "as_of"), rs.getLong("max_number"), ExportJob.State.valueOf(rs.getString("state")), rs.getLong("total_tasks"),
                rs.getLong("processed_tasks"), rs.getLong("written_tasks"), (Long) rs.getObject("file_bytes"), rs.getInt("attempts"),
                rs.getString("error"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getBoolean("only_ground_truth"), rs.getBoolean("raw_values"), rs.getBoolean("selected")));
    }

    public void create(ExportJob job) {
        jdbc.update("""
                INSERT INTO export_job (job_id, organization_id, project_id, user_id, format, only_completed, user_ids, as_of,
                                        max_number, state, total_tasks, created_at, only_ground_truth, raw_values, selected)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                job.id(), job.organizationId(), job.projectId(), job.userId(), job.format().name(), job.onlyCompleted(),
                job.userIds().isEmpty() ? null : String.join(",", job.userIds()),
                job.asOf() == null ? null : Timestamp.from(job.asOf()), job.maxNumber(), job.state().name(), job.totalTasks(),
                Timestamp.from(job.createdAt()), job.onlyGroundTruth(), job.rawValues(), job.selected());
    }

    /** For callers: a job of their organization by its integer id (Label Studio's export snapshots, ADR 0050). */
    public Optional<ExportJob> byIntId(String organizationId, long intId, String userId) {
        return jdbc.queryForList("SELECT job_id FROM export_job WHERE int_id = ? AND organization_id = ?", String.class, intId, organizationId)
                   .stream().findFirst().flatMap(jobId -> get(organizationId, jobId, userId));
    }

    /** The integer ids of these jobs. */
    public java.util.Map<String, Long> intIds(java.util.Collection<String> jobIds) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (String jobId : jobIds) {
            jdbc.query("SELECT int_id FROM export_job WHERE job_id = ?", rs -> { out.put(jobId, rs.getLong(1)); }, jobId);
        }
        return out;
    }

    /** A (re)start: counts from zero, one more attempt. */
    public void started(String jobId, long total) {
        updateLive("""
                state = 'RUNNING', total_tasks = ?, processed_tasks = 0, written_tasks = 0, attempts = attempts + 1,
                started_at = coalesce(started_at, ?)""", jobId, total, now());
    }

    public void progress(String jobId, long processed, long written) {
        updateRunning("processed_tasks = ?, written_tasks = ?", jobId, processed, written);
    }

    public void completed(String jobId, long processed, long written, long bytes) {
        updateLive("state = 'COMPLETED', processed_tasks = ?, written_tasks = ?, file_bytes = ?, finished_at = ?", jobId,
                processed, written, bytes, now());
    }
}
