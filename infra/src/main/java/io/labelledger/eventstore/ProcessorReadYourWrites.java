package io.labelledger.eventstore;

import io.labelledger.api.ReadYourWrites;
import io.labelledger.projection.Projection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Waits until this node's processors have passed the global index of the aggregate's latest event. Bounded: after
 * the given time the mutation answers anyway (its command is committed; only the read may trail). When another
 * replica owns the segment, this node sees no status and answers at the timeout's end at worst.
 */
public class ProcessorReadYourWrites implements ReadYourWrites {
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public ProcessorReadYourWrites(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Override
    public Mono<Void> await(String aggregateId, Duration atMost, Projection... projections) {
        return Mono.fromRunnable(() -> block(aggregateId, atMost, projections)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private void block(String aggregateId, Duration atMost, Projection... projections) {
        Long position = jdbc.queryForObject(
                "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, aggregateId);
        if (position == null) return;
        long deadline = System.nanoTime() + atMost.toNanos();
        for (Projection p : projections) {
            Optional<StreamingEventProcessor> processor = processing.eventProcessor(p.processingGroup(), StreamingEventProcessor.class);
            if (processor.isEmpty()) continue;
            while (!passed(processor.get().processingStatus(), position)) {
                if (System.nanoTime() > deadline) return;
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean passed(Map<Integer, EventTrackerStatus> status, long position) {
        return !status.isEmpty() && status.values().stream()
                .allMatch(s -> s.getCurrentPosition().isPresent() && s.getCurrentPosition().getAsLong() >= position);
    }
}
