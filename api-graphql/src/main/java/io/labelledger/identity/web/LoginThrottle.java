package io.labelledger.identity.web;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Locale;

/**
 * Sign-in throttling in Redis, shared by every replica: failed attempts are counted per account and per client
 * address in a fixed window. Past the limit, sign-in is refused (even with the right password) until the window
 * ends; a successful sign-in clears the account's count. Keys hold a hash of the email, not the email.
 */
public class LoginThrottle {
    public static final int MAX_FAILURES_PER_ACCOUNT = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 50;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final ReactiveStringRedisTemplate redis;

    public LoginThrottle(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Seconds until sign-in may be tried again, or 0 when it may be tried now. */
    public Mono<Long> retryAfter(String email, String address) {
        return Mono.zip(count(accountKey(email)), count(addressKey(address)))
                   .flatMap(c -> c.getT1() >= MAX_FAILURES_PER_ACCOUNT ? ttl(accountKey(email))
                           : c.getT2() >= MAX_FAILURES_PER_ADDRESS ? ttl(addressKey(address)) : Mono.just(0L));
    }

    public Mono<Void> failed(String email, String address) {
        return increment(accountKey(email)).then(increment(addressKey(address)));
    }

    public Mono<Void> succeeded(String email) {
        return redis.delete(accountKey(email)).then();
    }

    private Mono<Long> count(String key) {
        return redis.opsForValue().get(key).map(Long::parseLong).defaultIfEmpty(0L);
    }

    private Mono<Long> ttl(String key) {
        return redis.getExpire(key).map(d -> Math.max(1L, d.toSeconds())).defaultIfEmpty(WINDOW.toSeconds());
    }

    private Mono<Void> increment(String key) {
        // the window starts with the first failure: only set the expiry when the counter is new
        return redis.opsForValue().increment(key)
                    .flatMap(n -> n == 1L ? redis.expire(key, WINDOW).then() : Mono.<Void>empty());
    }

    static String accountKey(String email) {
        return "ll:login:fail:account:" + ApiTokenSecrets.hash(email.toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "ll:login:fail:address:" + (address == null ? "unknown" : address);
    }
}
