package io.labelledger.identity.account;

import io.labelledger.identity.api.OperationRefused;
import io.labelledger.identity.api.SignInFailed;
import io.labelledger.identity.api.SignInMethod;
import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * Refusals that matter to an auditor become events of the identity context, hence audit-log entries: the
 * authorization policy's refusals (GraphQL, REST, sockets, SCIM) as {@link OperationRefused}, refused SAML responses
 * and SSO sign-ins as {@link SignInFailed}. Throttled through Redis, on all replicas together: at most one event per
 * key per {@link #WINDOW}, so a script repeating a refused call, or an attacker posting forged SAML responses, cannot
 * flood the event store (the SAML refusal table still counts every attempt). Fire and forget: the refusal is
 * answered whatever happens here, and a stalled Redis or store holds it up for {@link #LONGEST} at most.
 */
public class SecurityRefusals {
    public static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofSeconds(2);
    static final String KEY_PREFIX = "ll:refused:";
    private static final Logger log = LoggerFactory.getLogger(SecurityRefusals.class);

    private final IdentityEvents events;
    private final ReactiveStringRedisTemplate redis;

    public SecurityRefusals(IdentityEvents events, ReactiveStringRedisTemplate redis) {
        this.events = events;
        this.redis = redis;
    }

    /** A refused operation of a known person (or a SCIM token, {@code actorId} "scim:…", acting for {@code by}). */
    public Mono<Void> operationRefused(OrganizationId organization, UserId by, String actorId, String operation, String targetId, String clientIp) {
        String key = organization.value() + ":" + actorId + ":" + operation;
        return once(key, () -> events.publishNow(new OperationRefused(organization, by, operation, targetId, clientIp),
                actorId, organization.value(), clientIp), operation);
    }

    /**
     * A sign-in into {@code organization} that its identity provider's answer did not open (a forged, replayed or
     * expired SAML response, a deactivated member): one entry per (organization, method, reason) and window. The
     * reason is a stable code; nothing of the untrusted message is kept.
     */
    public Mono<Void> signInFailed(OrganizationId organization, UserId user, SignInMethod method, String reason, String clientIp) {
        String key = organization.value() + ":" + method + ":" + reason;
        return once(key, () -> events.publishNow(new SignInFailed(organization, user, method, reason),
                user == null ? null : user.value(), organization.value(), clientIp), method + " sign-in");
    }

    private Mono<Void> once(String key, Runnable publish, String what) {
        return redis.opsForValue().setIfAbsent(KEY_PREFIX + key, "1", WINDOW)
                    .filter(Boolean::booleanValue)
                    .flatMap(first -> Mono.fromRunnable(publish).subscribeOn(Schedulers.boundedElastic()))
                    .timeout(LONGEST)
                    .onErrorResume(e -> {
                        log.warn("Could not record a refused {}: {}", what, e.toString());
                        return Mono.empty();
                    })
                    .then();
    }
}
