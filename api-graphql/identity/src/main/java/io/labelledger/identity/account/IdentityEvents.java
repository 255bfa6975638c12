package io.labelledger.identity.account;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.Map;

/**
 * Publishes the identity context's events (sign-ins, tokens, SSO, sessions; io.labelledger.identity.api) on Axon's
 * event bus. They belong to no aggregate: the event store keeps them like any other event, so the audit log lists
 * them under the organization they name (docs/adr/0026). The metadata is that of commands: actor, organization,
 * client address. Publishing blocks (JDBC), so it runs on boundedElastic.
 */
@Component
public class IdentityEvents {
    private static final Logger log = LoggerFactory.getLogger(IdentityEvents.class);
    private final EventGateway events;

    public IdentityEvents(EventGateway events) {
        this.events = events;
    }

    /** {@code actorId} may be null (nobody known, e.g. a failed sign-in of an unknown email); {@code organizationId} not. */
    public Mono<Void> publish(Object event, String actorId, String organizationId, String clientIp) {
        return Mono.fromRunnable(() -> publishNow(event, actorId, organizationId, clientIp)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** Blocking; for code that runs on boundedElastic already. */
    public void publishNow(Object event, String actorId, String organizationId, String clientIp) {
        Map<String, Object> meta = new HashMap<>();
        if (actorId != null) meta.put("actorId", actorId);
        if (organizationId != null) meta.put("organizationId", organizationId);
        if (clientIp != null) meta.put("clientIp", clientIp);
        try {
            events.publish(GenericEventMessage.asEventMessage(event).andMetaData(MetaData.from(meta)));
        } catch (RuntimeException e) { // the operation itself succeeded or was refused already; say so loudly
            log.error("Could not record identity event {}", event.getClass().getSimpleName(), e);
        }
    }
}
