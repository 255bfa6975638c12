package io.labelledger.identity.account;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Sign-in throttling in Redis, shared by every replica (ADR 0028): token buckets (Bucket4j, atomic in Redis) per
 * (account, client address) pair, per account and per client address. Every attempt takes a token from each
 * <em>before</em> the password is checked, so concurrent attempts cannot all pass a check that none has counted yet
 * (issue 9 #7). A successful sign-in gives the pair its tokens back and returns the others' one.
 * <ul>
 *   <li>pair: 5 attempts, then one more every 3 minutes, and at most 20 a day (backoff) — a guesser at one address is
 *   stopped without locking the person out elsewhere (issue 9 #10);</li>
 *   <li>account: 100 attempts per 15 minutes from all addresses together (a distributed guess);</li>
 *   <li>address: 50 attempts per 15 minutes across accounts (password spraying from one address).</li>
 * </ul>
 * Keys hold a hash of the email, not the email; their prefix {@code ll:login:bucket:} differs from the counters of
 * the former throttle ({@code ll:login:fail:}), whose values Bucket4j could not read.
 */
public class LoginThrottle implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LoginThrottle.class);
    public static final int MAX_ATTEMPTS_PER_PAIR = 5;
    public static final int MAX_ATTEMPTS_PER_PAIR_PER_DAY = 20;
    public static final int MAX_ATTEMPTS_PER_ACCOUNT = 100;
    public static final int MAX_ATTEMPTS_PER_ADDRESS = 50;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    static final BucketConfiguration PAIR = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(MAX_ATTEMPTS_PER_PAIR).refillGreedy(MAX_ATTEMPTS_PER_PAIR, WINDOW))
            .addLimit(l -> l.capacity(MAX_ATTEMPTS_PER_PAIR_PER_DAY).refillGreedy(MAX_ATTEMPTS_PER_PAIR_PER_DAY, Duration.ofDays(1)))
            .build();
    static final BucketConfiguration ACCOUNT = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(MAX_ATTEMPTS_PER_ACCOUNT).refillGreedy(MAX_ATTEMPTS_PER_ACCOUNT, WINDOW)).build();
    static final BucketConfiguration ADDRESS = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(MAX_ATTEMPTS_PER_ADDRESS).refillGreedy(MAX_ATTEMPTS_PER_ADDRESS, WINDOW)).build();

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;

    public LoginThrottle(String redisUrl) {
        this.client = RedisClient.create(redisUrl);
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .requestTimeout(Duration.ofSeconds(5))
                .build().asAsync();
    }

    /** {@link #retryAfter}'s answer when the throttle cannot be asked (Redis down): sign-in is refused, never unthrottled. */
    public static final long UNAVAILABLE = -1;

    /**
     * Counts one sign-in attempt: seconds until sign-in may be tried again (the attempt was refused and not counted
     * further), 0 when it may be evaluated now, or {@link #UNAVAILABLE}.
     */
    public Mono<Long> retryAfter(String email, String address) {
        AsyncBucketProxy pair = pair(email, address), account = account(email), perAddress = address(address);
        return take(pair).flatMap(p -> !p.isConsumed() ? Mono.just(seconds(p))
                : take(account).flatMap(a -> !a.isConsumed() ? give(pair).thenReturn(seconds(a))
                : take(perAddress).flatMap(d -> !d.isConsumed() ? give(pair).then(give(account)).thenReturn(seconds(d))
                : Mono.just(0L))))
                .onErrorResume(e -> {
                    log.warn("Sign-in throttle unavailable: {}", e.toString());
                    return Mono.just(UNAVAILABLE);
                });
    }

    /**
     * A successful sign-in: the pair starts over; the account's and the address's attempt is given back. (A wrong
     * password needs no call: every attempt is counted when it starts.)
     */
    public Mono<Void> succeeded(String email, String address) {
        return Mono.fromFuture(() -> pair(email, address).reset()).then(give(account(email))).then(give(address(address)));
    }

    /** The attempt ended for another reason than the credentials (directory down, no access): it does not count. */
    public Mono<Void> notCounted(String email, String address) {
        return give(pair(email, address)).then(give(account(email))).then(give(address(address)));
    }

    private static Mono<ConsumptionProbe> take(AsyncBucketProxy bucket) {
        return Mono.fromFuture(() -> bucket.tryConsumeAndReturnRemaining(1));
    }

    private static Mono<Void> give(AsyncBucketProxy bucket) {
        return Mono.fromFuture(() -> bucket.addTokens(1));
    }

    private static long seconds(ConsumptionProbe refused) {
        return Math.max(1L, TimeUnit.NANOSECONDS.toSeconds(refused.getNanosToWaitForRefill()) + 1);
    }

    private AsyncBucketProxy pair(String email, String address) {
        return buckets.builder().build(pairKey(email, address), PAIR);
    }

    private AsyncBucketProxy account(String email) {
        return buckets.builder().build(accountKey(email), ACCOUNT);
    }

    private AsyncBucketProxy address(String address) {
        return buckets.builder().build(addressKey(address), ADDRESS);
    }

    static String pairKey(String email, String address) {
        return "ll:login:bucket:pair:" + ApiTokenSecrets.hash(email.toLowerCase(Locale.ROOT)) + ":" + (address == null ? "unknown" : address);
    }

    static String accountKey(String email) {
        return "ll:login:bucket:account:" + ApiTokenSecrets.hash(email.toLowerCase(Locale.ROOT));
    }

    public static String addressKey(String address) {
        return "ll:login:bucket:address:" + (address == null ? "unknown" : address);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
