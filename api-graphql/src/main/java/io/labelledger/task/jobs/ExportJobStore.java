package io.labelledger.task.jobs;

import io.labelledger.task.exportfile.ExportFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code export_job} table. Progress is written as absolute values, so a job restarted after a crash starts its
 * counts again instead of adding to them; ended jobs are never changed.
 */
public class ExportJobStore {
    private static final String COLUMNS = """
            job_id, organization_id, project_id, user_id, format, only_completed, user_ids, as_of, max_number, state,
            total_tasks, processed_tasks, written_tasks, file_bytes, attempts, error, created_at, started_at, finished_at,
            only_ground_truth, raw_values, selected""";
    private static final RowMapper<ExportJob> ROW = (rs, i) -> new ExportJob(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), ExportFormat.valueOf(rs.getString(5)),
            rs.getBoolean(6), rs.getString(7) == null ? List.of() : Arrays.asList(rs.getString(7).split(",")),
            instant(rs.getTimestamp(8)), rs.getLong(9), ExportJob.State.valueOf(rs.getString(10)), rs.getLong(11), rs.getLong(12),
            rs.getLong(13), (Long) rs.getObject(14), rs.getInt(15), rs.getString(16), instant(rs.getTimestamp(17)),
            instant(rs.getTimestamp(18)), instant(rs.getTimestamp(19)), rs.getBoolean(20), rs.getBoolean(21), rs.getBoolean(22));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ExportJobStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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

    /** For workers: any job by id. */
    public Optional<ExportJob> get(String jobId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM export_job WHERE job_id = ?", ROW, jobId).stream().findFirst();
    }

    /** For callers: a job of their organization only; {@code userId} narrows it to their own jobs when not null. */
    public Optional<ExportJob> get(String organizationId, String jobId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM export_job WHERE job_id = ? AND organization_id = ? AND (?::varchar IS NULL OR user_id = ?)",
                ROW, jobId, organizationId, userId, userId).stream().findFirst();
    }

    /** For callers: a job of their organization by its integer id (Label Studio's export snapshots, ADR 0050). */
    public Optional<ExportJob> byIntId(String organizationId, long intId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM export_job WHERE int_id = ? AND organization_id = ? AND (?::varchar IS NULL OR user_id = ?)",
                ROW, intId, organizationId, userId, userId).stream().findFirst();
    }

    /** The integer ids of these jobs. */
    public java.util.Map<String, Long> intIds(java.util.Collection<String> jobIds) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (String jobId : jobIds) {
            jdbc.query("SELECT int_id FROM export_job WHERE job_id = ?", rs -> { out.put(jobId, rs.getLong(1)); }, jobId);
        }
        return out;
    }

    public List<ExportJob> list(String organizationId, String projectId, String userId, int first) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM export_job WHERE organization_id = ? AND project_id = ? AND (?::varchar IS NULL OR user_id = ?)
                ORDER BY created_at DESC, job_id LIMIT ?""", ROW, organizationId, projectId, userId, userId, first);
    }

    /** A (re)start: counts from zero, one more attempt. */
    public void started(String jobId, long total) {
        jdbc.update("""
                UPDATE export_job SET state = 'RUNNING', total_tasks = ?, processed_tasks = 0, written_tasks = 0,
                       attempts = attempts + 1, started_at = coalesce(started_at, ?)
                WHERE job_id = ? AND state NOT IN ('COMPLETED', 'FAILED')""", total, now(), jobId);
    }

    public void progress(String jobId, long processed, long written) {
        jdbc.update("UPDATE export_job SET processed_tasks = ?, written_tasks = ? WHERE job_id = ? AND state = 'RUNNING'",
                processed, written, jobId);
    }

    public void completed(String jobId, long processed, long written, long bytes) {
        jdbc.update("""
                UPDATE export_job SET state = 'COMPLETED', processed_tasks = ?, written_tasks = ?, file_bytes = ?, finished_at = ?
                WHERE job_id = ? AND state NOT IN ('COMPLETED', 'FAILED')""", processed, written, bytes, now(), jobId);
    }

    public void failed(String jobId, String error) {
        jdbc.update("UPDATE export_job SET state = 'FAILED', error = ?, finished_at = ? WHERE job_id = ? AND state NOT IN ('COMPLETED', 'FAILED')",
                error, now(), jobId);
    }

    private Timestamp now() { return Timestamp.from(clock.instant()); }

    private static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }
}
