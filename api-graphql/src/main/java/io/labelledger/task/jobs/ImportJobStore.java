package io.labelledger.task.jobs;

import io.labelledger.task.importing.ImportFormat;
import io.labelledger.task.importing.LabelStudioTaskParser.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * The {@code import_job} table ({@link JobStore}): operational state of background imports (the tasks themselves are
 * events). Every update sets absolute values, so a job resumed by another worker after a crash overwrites, never double
 * counts.
 */
public class ImportJobStore extends JobStore<ImportJob> {
    /** Bad records kept per job; the count goes on beyond it. */
    public static final int MAX_REJECTIONS_KEPT = 1000;

    private static final String COLUMNS = """
            job_id, organization_id, project_id, user_id, format, mode, state, file_name, file_bytes, client_ip,
            read_count, imported_count, rejected_count, error, created_at, started_at, finished_at""";

    public ImportJobStore(JdbcTemplate jdbc, Clock clock) {
        super(jdbc, clock, "import_job", COLUMNS, (rs, i) -> new ImportJob(
                rs.getString("job_id"), rs.getString("organization_id"), rs.getString("project_id"), rs.getString("user_id"),
                ImportFormat.valueOf(rs.getString("format")), ImportJob.Mode.valueOf(rs.getString("mode")),
                ImportJob.State.valueOf(rs.getString("state")), rs.getString("file_name"), rs.getLong("file_bytes"),
                rs.getString("client_ip"), rs.getLong("read_count"), rs.getLong("imported_count"), rs.getLong("rejected_count"),
                rs.getString("error"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at")));
    }

    public void create(ImportJob job) {
        jdbc.update("""
                INSERT INTO import_job (job_id, organization_id, project_id, user_id, format, mode, state, file_name, file_bytes,
                                        client_ip, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                job.id(), job.organizationId(), job.projectId(), job.userId(), job.format().name(), job.mode().name(),
                job.state().name(), job.fileName(), job.fileBytes(), job.clientIp(), Timestamp.from(job.createdAt()));
    }

    public List<Rejection> rejections(String jobId, int first) {
        return jdbc.query("SELECT record_index, line, reason FROM import_job_rejection WHERE job_id = ? ORDER BY record_index LIMIT ?",
                (rs, i) -> new Rejection((int) rs.getLong(1), rs.getObject(2) == null ? null : (int) rs.getLong(2), rs.getString(3)),
                jobId, first);
    }

    public void started(String jobId, ImportJob.State state) {
        updateLive("state = ?, read_count = 0, started_at = coalesce(started_at, ?)", jobId, state.name(), now());
    }

    public void progress(String jobId, long read, long imported, long rejected) {
        updateLive("read_count = ?, imported_count = ?, rejected_count = ?", jobId, read, imported, rejected);
    }

    public void finished(String jobId, ImportJob.State state, long read, long imported, long rejected, String error) {
        updateLive("state = ?, read_count = ?, imported_count = ?, rejected_count = ?, error = ?, finished_at = ?", jobId,
                state.name(), read, imported, rejected, error, now());
    }

    /** Records bad records; ones already recorded (a resumed job reads the file again) are left as they are. */
    public void reject(String jobId, List<Rejection> rejections) {
        if (rejections.isEmpty()) return;
        jdbc.batchUpdate("INSERT INTO import_job_rejection (job_id, record_index, line, reason) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                rejections, rejections.size(), (ps, r) -> {
                    ps.setString(1, jobId);
                    ps.setLong(2, r.index());
                    if (r.line() == null) ps.setNull(3, java.sql.Types.BIGINT);
                    else ps.setLong(3, r.line());
                    ps.setString(4, r.reason());
                });
    }
}
