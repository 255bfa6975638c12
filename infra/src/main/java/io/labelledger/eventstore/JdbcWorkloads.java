package io.labelledger.eventstore;

import io.labelledger.identity.api.UserId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.write.Workloads;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;

/** A person's live annotations and live reservations in a project, from the Data Manager (ADR 0036: it may lag). */
public class JdbcWorkloads implements Workloads {
    private final JdbcTemplate jdbc;

    public JdbcWorkloads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long takenOn(ProjectId projectId, UserId userId, TaskId except, Instant at) {
        Long annotated = jdbc.queryForObject(
                "SELECT count(*) FROM dm_annotation WHERE project_id = ? AND author_id = ? AND task_id <> ?", Long.class,
                projectId.value(), userId.value(), except.value());
        if (at == null) return annotated;
        Long reserved = jdbc.queryForObject(
                "SELECT count(*) FROM dm_reservation WHERE project_id = ? AND user_id = ? AND task_id <> ? AND expires_at > ?", Long.class,
                projectId.value(), userId.value(), except.value(), Timestamp.from(at));
        return annotated + reserved;
    }
}
