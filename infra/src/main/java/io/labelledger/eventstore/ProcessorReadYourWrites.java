package io.labelledger.eventstore;

import io.labelledger.projection.Projection;
import io.labelledger.api.ReadYourWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits until this node's processors have passed the global index of the aggregate's latest event. Bounded: after
 * the given time the mutation answers anyway (its command is committed; only the read may trail). When another
 * replica owns the segment, this node sees no status and answers at the timeout's end at worst.
 * <p>
 * Nothing here holds a thread while it waits (issue 9, the one-minute stall): the position is read over R2DBC and the
 * processors' in-memory status is checked on a timer. It used to sleep in a loop on boundedElastic, one thread per
 * waiting mutation — with a projection running behind, every thread of that pool slept and each request's other
 * blocking steps (the member lookup, the command itself) queued behind the sleepers.
 */
public class ProcessorReadYourWrites implements ReadYourWrites {
    private static final Logger log = LoggerFactory.getLogger(ProcessorReadYourWrites.class);
    static final Duration CHECK_EVERY = Duration.ofMillis(5);

    private final EventProcessingConfiguration processing;
    private final DatabaseClient db;

    public ProcessorReadYourWrites(EventProcessingConfiguration processing, DatabaseClient db) {
        this.processing = processing;
        this.db = db;
    }

    @Override
    public Mono<Void> await(String aggregateId, Duration atMost, Projection... projections) {
        List<StreamingEventProcessor> processors = Arrays.stream(projections)
                .map(p -> processing.eventProcessor(p.processingGroup(), StreamingEventProcessor.class))
                .flatMap(Optional::stream).toList();
        if (processors.isEmpty()) return Mono.empty();
        return db.sql("SELECT max(global_index) AS position FROM domain_event_entry WHERE aggregate_identifier = :id")
                 .bind("id", aggregateId)
                 .map(row -> Optional.ofNullable(row.get("position", Long.class)))
                 .one()
                 .flatMap(position -> position.map(p -> passedBy(processors, p)).orElse(Mono.empty()))
                 .timeout(atMost, Mono.empty())
                 .onErrorResume(e -> {
                     // the command is committed; a read that may trail is better than a failed mutation
                     log.debug("Not waiting for the projections of {}: {}", aggregateId, e.toString());
                     return Mono.empty();
                 });
    }

    private static Mono<Void> passedBy(List<StreamingEventProcessor> processors, long position) {
        return Flux.interval(Duration.ZERO, CHECK_EVERY)
                   .filter(tick -> processors.stream().allMatch(p -> passed(p.processingStatus(), position)))
                   .next()
                   .then();
    }

    private static boolean passed(Map<Integer, EventTrackerStatus> status, long position) {
        return !status.isEmpty() && status.values().stream()
                .allMatch(s -> s.getCurrentPosition().isPresent() && s.getCurrentPosition().getAsLong() >= position);
    }
}
