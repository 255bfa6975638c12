package io.labelledger.audit.web;

import io.labelledger.api.Caller;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.identity.api.OperationRefused;
import io.labelledger.identity.account.IdentityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * Every refusal of the authorization policy (GraphQL, REST, sockets) becomes an {@link OperationRefused} event on
 * the event bus, hence an audit-log entry with actor, organization and client address. Throttled through Redis: at
 * most one per (organization, person, operation) per {@link #WINDOW} on all replicas together, so a script that
 * repeats a refused call cannot flood the event store. Fire and forget: the refusal is answered whatever happens here.
 */
public class RefusalAudit implements Authorization.Refusals {
    public static final Duration WINDOW = Duration.ofMinutes(1);
    static final String KEY_PREFIX = "ll:refused:";
    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);

    private final IdentityEvents events;
    private final ReactiveStringRedisTemplate redis;

    public RefusalAudit(IdentityEvents events, ReactiveStringRedisTemplate redis) {
        this.events = events;
        this.redis = redis;
    }

    @Override
    public Mono<Void> refused(Caller caller, String operation, String targetId, String clientIp) {
        String key = KEY_PREFIX + caller.organizationId() + ":" + caller.userId() + ":" + operation;
        return redis.opsForValue().setIfAbsent(key, "1", WINDOW)
                    .filter(Boolean::booleanValue)
                    .flatMap(first -> Mono.fromRunnable(() -> publish(caller, operation, targetId, clientIp)).subscribeOn(Schedulers.boundedElastic()))
                    .timeout(LONGEST) // a stalled Redis or store never holds the refusal up for long
                    .onErrorResume(e -> {
                        log.warn("Could not record a refused {}: {}", operation, e.toString());
                        return Mono.empty();
                    })
                    .then();
    }

    static final Duration LONGEST = Duration.ofSeconds(2);

    private void publish(Caller caller, String operation, String targetId, String clientIp) {
        events.publishNow(new OperationRefused(caller.organization(), caller.user(), operation, targetId, clientIp),
                caller.userId(), caller.organizationId(), clientIp);
    }
}
