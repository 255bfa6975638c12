package io.labelledger.task.jobs;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One job store for every kind of background job (imports, exports, bulk actions): a table with the columns
 * {@code job_id, organization_id, project_id, user_id, state, created_at, started_at, finished_at}, read the same way
 * (a worker reads any job; a caller only their organization's, and only their own unless they see all), updated the
 * same way: progress as absolute values (a job restarted after a crash counts again instead of adding), and an
 * ended job (COMPLETED or FAILED) never changes again. The kinds differ only in their own columns: each names them,
 * maps a row, and says what its own updates set.
 */
public class JobStore<J> {
    /** The states no update leaves: a job that ended stays as it ended. */
    static final String LIVE = "state NOT IN ('COMPLETED', 'FAILED')";

    private final String table;
    private final String columns;
    private final RowMapper<J> row;
    protected final JdbcTemplate jdbc;
    protected final Clock clock;

    protected JobStore(JdbcTemplate jdbc, Clock clock, String table, String columns, RowMapper<J> row) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        this.columns = columns;
        this.row = row;
    }

    /** For workers: any job by id. */
    public Optional<J> get(String jobId) {
        return jdbc.query("SELECT " + columns + " FROM " + table + " WHERE job_id = ?", row, jobId).stream().findFirst();
    }

    /** For callers: a job of their organization only; {@code userId} narrows it to their own jobs when not null. */
    public Optional<J> get(String organizationId, String jobId, String userId) {
        return jdbc.query("SELECT " + columns + " FROM " + table
                        + " WHERE job_id = ? AND organization_id = ? AND (?::varchar IS NULL OR user_id = ?)",
                row, jobId, organizationId, userId, userId).stream().findFirst();
    }

    /** A project's jobs, newest first; {@code userId} narrows them to the caller's own when not null. */
    public List<J> list(String organizationId, String projectId, String userId, int first) {
        return jdbc.query("SELECT " + columns + " FROM " + table + """
                 WHERE organization_id = ? AND project_id = ? AND (?::varchar IS NULL OR user_id = ?)
                ORDER BY created_at DESC, job_id LIMIT ?""", row, organizationId, projectId, userId, userId, first);
    }

    /** The job ended on an error the person can read; an ended job keeps its ending. */
    public void failed(String jobId, String error) {
        updateLive("state = 'FAILED', error = ?, finished_at = ?", jobId, error, now());
    }

    /** The project is deleted: its jobs go with it. */
    public void deleteProject(String projectId) {
        jdbc.update("DELETE FROM " + table + " WHERE project_id = ?", projectId);
    }

    /** {@code UPDATE <table> SET <set> WHERE job_id = ? AND <not ended>}: the one way a kind changes its live jobs. */
    protected int updateLive(String set, String jobId, Object... values) {
        return update(set, LIVE, jobId, values);
    }

    /** As {@link #updateLive}, only while the job is RUNNING (progress of a job that stopped running is not written). */
    protected int updateRunning(String set, String jobId, Object... values) {
        return update(set, "state = 'RUNNING'", jobId, values);
    }

    private int update(String set, String condition, String jobId, Object... values) {
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.add(jobId);
        return jdbc.update("UPDATE " + table + " SET " + set + " WHERE job_id = ? AND " + condition, args.toArray());
    }

    protected Timestamp now() { return Timestamp.from(clock.instant()); }

    protected static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
