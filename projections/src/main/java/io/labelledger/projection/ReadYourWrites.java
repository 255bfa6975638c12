package io.labelledger.projection;

import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Projections are asynchronous. After a command succeeds, a caller waits (bounded) until the named projections have
 * applied the aggregate's latest event, so that its next read shows its own write. Here, beside {@link Projection},
 * so that every module that sends commands (the API, identity's services) can wait; infra implements it.
 */
public interface ReadYourWrites {
    Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    Mono<Void> await(String aggregateId, Duration atMost, Projection... projections);

    default Mono<Void> await(String aggregateId, Projection... projections) {
        return await(aggregateId, DEFAULT_WAIT, projections);
    }
}
