package io.labelledger.identity.saml;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Protocol state shared by every replica, in Redis: the AuthnRequest ids we issued (short-lived, single use, so a
 * response answers a sign-in this server started) and the replay cache of assertion ids (kept until the assertion
 * could no longer be accepted anyway).
 */
public class SamlState {
    public static final Duration REQUEST_TTL = Duration.ofMinutes(10);
    private static final Duration MAX_REPLAY_TTL = Duration.ofDays(1);
    private final ReactiveStringRedisTemplate redis;

    public SamlState(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public Mono<Void> issued(String organizationId, String requestId) {
        return redis.opsForValue().set(requestKey(organizationId, requestId), "1", REQUEST_TTL).then();
    }

    /** True exactly once for a request id we issued for this organization (GETDEL: consumed atomically). */
    public Mono<Boolean> consume(String organizationId, String requestId) {
        return redis.opsForValue().getAndDelete(requestKey(organizationId, requestId)).map(v -> true).defaultIfEmpty(false);
    }

    /** True when the assertion id is new (and now remembered for {@code keep}); false on a replay. */
    public Mono<Boolean> firstUse(String organizationId, String assertionId, Duration keep) {
        Duration ttl = keep.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : keep.compareTo(MAX_REPLAY_TTL) > 0 ? MAX_REPLAY_TTL : keep;
        return redis.opsForValue().setIfAbsent(assertionKey(organizationId, assertionId), "1", ttl);
    }

    private static String requestKey(String organizationId, String requestId) {
        return "saml:request:" + organizationId + ":" + requestId;
    }

    private static String assertionKey(String organizationId, String assertionId) {
        return "saml:assertion:" + organizationId + ":" + assertionId;
    }
}
