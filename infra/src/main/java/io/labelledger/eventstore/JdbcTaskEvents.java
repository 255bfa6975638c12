package io.labelledger.eventstore;

import io.labelledger.task.history.TaskHistory;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of many tasks in one query on the event table (its (aggregate_identifier, sequence_number) key),
 * deserialized and upcast exactly as Axon does for one aggregate ({@link EventStreamUtils}). Axon's storage engine
 * reads one aggregate per call; an "as of" export of a big project would make one round trip per task (ADR 0018).
 * Tasks are never snapshotted, so every event from the first is read.
 */
public class JdbcTaskEvents implements TaskHistory.ManyTasks {
    private final JdbcTemplate jdbc;
    private final org.axonframework.config.Configuration axon;

    /** Axon's configuration gives the event serializer and the upcaster chain the storage engine itself uses. */
    public JdbcTaskEvents(JdbcTemplate jdbc, org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    @Override
    public Map<String, DomainEventStream> readEvents(Collection<String> taskIds) {
        Map<String, List<DomainEventData<?>>> rows = new LinkedHashMap<>();
        if (taskIds.isEmpty()) return Map.of();
        jdbc.query("""
                SELECT type, aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type, payload_revision,
                       payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ANY (?) ORDER BY aggregate_identifier, sequence_number""",
                rs -> {
                    rows.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new GenericDomainEventEntry<>(
                            rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getBytes(8), rs.getBytes(9)));
                }, (Object) taskIds.toArray(String[]::new));
        Map<String, DomainEventStream> out = new LinkedHashMap<>();
        Serializer serializer = axon.eventSerializer();
        EventUpcaster upcasters = axon.upcasterChain();
        rows.forEach((id, events) -> out.put(id, EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream(), serializer, upcasters)));
        return out;
    }
}
