package io.labelledger.api;

import io.labelledger.projection.Projection;
import reactor.core.publisher.Mono;

/**
 * Projections are asynchronous. After a command succeeds, a mutation waits (bounded) until the named projections
 * have applied the aggregate's latest event, so the caller's next read shows its own write.
 */
public interface ReadYourWrites {
    Mono<Void> await(String aggregateId, Projection... projections);
}
