package io.labelledger.eventstore;

import io.labelledger.api.ReadYourWrites;
import io.labelledger.projection.Projection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Waits until the projections' processors have passed the global index of the aggregate's latest event, wherever
 * those processors run: positions are pushed by PostgreSQL to every replica ({@link ProjectionPositions},
 * {@link NotifyingTokenStore}) — a mutation answered by a web replica waits for the projector process that owns the
 * segment, without polling. Bounded: after the given time the mutation answers anyway (its command is committed;
 * only the read may trail). Nothing here holds a thread while it waits.
 */
public class ProcessorReadYourWrites implements ReadYourWrites {
    private static final Logger log = LoggerFactory.getLogger(ProcessorReadYourWrites.class);

    private final EventProcessingConfiguration processing;
    private final DatabaseClient db;
    private final ProjectionPositions positions;

    public ProcessorReadYourWrites(EventProcessingConfiguration processing, DatabaseClient db, ProjectionPositions positions) {
        this.processing = processing;
        this.db = db;
        this.positions = positions;
    }

    @Override
    public Mono<Void> await(String aggregateId, Duration atMost, Projection... projections) {
        List<String> processors = Arrays.stream(projections).map(Projection::processingGroup).filter(this::streaming).toList();
        if (processors.isEmpty()) return Mono.empty();
        // the position query runs to its end whatever happens to the wait: a read cancelled mid-query leaves its
        // connection unusable (ADR 0046), and the timeout below would otherwise cancel it when the database is slow
        var position = db.sql("SELECT max(global_index) AS position FROM domain_event_entry WHERE aggregate_identifier = :id")
                         .bind("id", aggregateId)
                         .map(row -> Optional.ofNullable(row.get("position", Long.class)))
                         .one()
                         .toFuture();
        return Mono.fromFuture(position, true)
                 .flatMap(found -> found.map(p -> Flux.fromIterable(processors).flatMap(name -> positions.passed(name, p)).then())
                                        .orElse(Mono.empty()))
                 .timeout(atMost, Mono.empty())
                 .onErrorResume(e -> {
                     // the command is committed; a read that may trail is better than a failed mutation
                     log.debug("Not waiting for the projections of {}: {}", aggregateId, e.toString());
                     return Mono.empty();
                 });
    }

    /**
     * Subscribing processors run in the command's own transaction: nothing to wait for. A processor this process does
     * not run at all (a web replica's) is a streaming one in another process.
     */
    private boolean streaming(String processingGroup) {
        Optional<EventProcessor> local = processing.eventProcessor(processingGroup);
        return local.isEmpty() || local.get() instanceof StreamingEventProcessor;
    }
}
