package io.labelledger.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis pub/sub for every projection that tells live views about a committed change (Data Manager rows,
 * notifications, member access). A Redis stall must never hold up the projection that calls this after its commit
 * (issue 9: PUBLISH timed out after Lettuce's one minute, with the projection's thread behind it): {@link #publish}
 * only offers the message to a bounded buffer and returns; a thread of its own publishes, each PUBLISH with a short
 * timeout. When Redis is slow or gone, messages are dropped and counted: a lost message only delays a live view, the
 * row itself is committed and a reload shows it.
 */
public class RedisPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisPublisher.class);
    static final int BUFFER = 10_000;
    static final int IN_FLIGHT = 64;

    private record Message(String channel, String body) {}

    private final Sinks.Many<Message> messages = Sinks.many().unicast().onBackpressureBuffer(Queues.<Message>get(BUFFER).get());
    private final Scheduler thread = Schedulers.newSingle("redis-publish", true);
    private final AtomicLong dropped = new AtomicLong();
    private final Disposable subscription;

    public RedisPublisher(ReactiveStringRedisTemplate redis) {
        this(redis, Duration.ofSeconds(2));
    }

    public RedisPublisher(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.subscription = messages.asFlux()
                .publishOn(thread, IN_FLIGHT) // connection set-up and dispatch on this thread, never the caller's
                .flatMap(m -> redis.convertAndSend(m.channel(), m.body())
                                   .timeout(timeout)
                                   .onErrorResume(e -> {
                                       drop("Could not publish on " + m.channel() + " (" + e.getClass().getSimpleName() + ")");
                                       return Mono.empty();
                                   }), IN_FLIGHT)
                .subscribe();
    }

    /** Returns at once, whatever Redis does. */
    public void publish(String channel, String body) {
        Sinks.EmitResult result;
        synchronized (messages) { // one emitter at a time (processors may have several threads)
            result = messages.tryEmitNext(new Message(channel, body));
        }
        if (result.isFailure()) drop("Not published on " + channel + ": " + result);
    }

    /** Messages not published so far (buffer full, Redis slow or unreachable). */
    public long dropped() {
        return dropped.get();
    }

    private void drop(String why) {
        long n = dropped.incrementAndGet();
        if (n == 1 || n % 1000 == 0) log.warn("{}; {} dropped so far", why, n);
    }

    @Override
    public void close() {
        subscription.dispose();
        thread.dispose();
    }
}
