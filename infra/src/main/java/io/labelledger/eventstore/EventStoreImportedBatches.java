package io.labelledger.eventstore;

import io.labelledger.task.jobs.ImportedBatches;
import org.springframework.jdbc.core.JdbcTemplate;

/** Looks a task up in the event store itself (not a projection, which may trail): its creation event is there or not. */
public class EventStoreImportedBatches implements ImportedBatches {
    private final JdbcTemplate jdbc;

    public EventStoreImportedBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String taskId) {
        return !jdbc.queryForList("SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? LIMIT 1", Integer.class, taskId).isEmpty();
    }
}
