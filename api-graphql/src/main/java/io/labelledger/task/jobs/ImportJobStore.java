package io.labelledger.task.jobs;

import io.labelledger.task.importing.ImportFormat;
import io.labelledger.task.importing.LabelStudioTaskParser.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code import_job} table: operational state of background imports (the tasks themselves are events). Every
 * update sets absolute values, so a job resumed by another worker after a crash overwrites, never double counts.
 */
public class ImportJobStore {
    /** Bad records kept per job; the count goes on beyond it. */
    public static final int MAX_REJECTIONS_KEPT = 1000;

    private static final String COLUMNS = """
            job_id, organization_id, project_id, user_id, format, mode, state, file_name, file_bytes, client_ip,
            read_count, imported_count, rejected_count, error, created_at, started_at, finished_at""";
    private static final RowMapper<ImportJob> ROW = (rs, i) -> new ImportJob(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), ImportFormat.valueOf(rs.getString(5)),
            ImportJob.Mode.valueOf(rs.getString(6)), ImportJob.State.valueOf(rs.getString(7)), rs.getString(8), rs.getLong(9),
            rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getString(14), instant(rs.getTimestamp(15)),
            instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ImportJobStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void create(ImportJob job) {
        jdbc.update("""
                INSERT INTO import_job (job_id, organization_id, project_id, user_id, format, mode, state, file_name, file_bytes,
                                        client_ip, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                job.id(), job.organizationId(), job.projectId(), job.userId(), job.format().name(), job.mode().name(),
                job.state().name(), job.fileName(), job.fileBytes(), job.clientIp(), Timestamp.from(job.createdAt()));
    }

    /** For workers: any job by id. */
    public Optional<ImportJob> get(String jobId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM import_job WHERE job_id = ?", ROW, jobId).stream().findFirst();
    }

    /** For callers: a job of their organization only; {@code userId} narrows it to their own jobs when not null. */
    public Optional<ImportJob> get(String organizationId, String jobId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM import_job WHERE job_id = ? AND organization_id = ? AND (?::varchar IS NULL OR user_id = ?)",
                ROW, jobId, organizationId, userId, userId).stream().findFirst();
    }

    public List<ImportJob> list(String organizationId, String projectId, String userId, int first) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM import_job WHERE organization_id = ? AND project_id = ? AND (?::varchar IS NULL OR user_id = ?)
                ORDER BY created_at DESC, job_id LIMIT ?""", ROW, organizationId, projectId, userId, userId, first);
    }

    public List<Rejection> rejections(String jobId, int first) {
        return jdbc.query("SELECT record_index, line, reason FROM import_job_rejection WHERE job_id = ? ORDER BY record_index LIMIT ?",
                (rs, i) -> new Rejection((int) rs.getLong(1), rs.getObject(2) == null ? null : (int) rs.getLong(2), rs.getString(3)),
                jobId, first);
    }

    public void started(String jobId, ImportJob.State state) {
        jdbc.update("""
                UPDATE import_job SET state = ?, read_count = 0, started_at = coalesce(started_at, ?)
                WHERE job_id = ? AND state NOT IN ('COMPLETED', 'FAILED')""", state.name(), now(), jobId);
    }

    public void progress(String jobId, long read, long imported, long rejected) {
        jdbc.update("""
                UPDATE import_job SET read_count = ?, imported_count = ?, rejected_count = ?
                WHERE job_id = ? AND state NOT IN ('COMPLETED', 'FAILED')""", read, imported, rejected, jobId);
    }

    public void finished(String jobId, ImportJob.State state, long read, long imported, long rejected, String error) {
        jdbc.update("""
                UPDATE import_job SET state = ?, read_count = ?, imported_count = ?, rejected_count = ?, error = ?, finished_at = ?
                WHERE job_id = ? AND state NOT IN ('COMPLETED', 'FAILED')""",
                state.name(), read, imported, rejected, error, now(), jobId);
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

    private Timestamp now() { return Timestamp.from(clock.instant()); }

    private static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }
}
