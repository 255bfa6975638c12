package io.labelledger.api;

import io.labelledger.projection.Projection;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Projections are asynchronous. After a command succeeds, a mutation waits (bounded) until the named projections
 * have applied the aggregate's latest event, so the caller's next read shows its own write.
 */
public interface ReadYourWrites {
    Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    Mono<Void> await(String aggregateId, Duration atMost, Projection... projections);

    default Mono<Void> await(String aggregateId, Projection... projections) {
        return await(aggregateId, DEFAULT_WAIT, projections);
    }
}
