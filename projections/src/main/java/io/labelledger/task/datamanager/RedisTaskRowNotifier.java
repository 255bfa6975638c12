package io.labelledger.task.datamanager;

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
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes row changes on Redis pub/sub so that every replica's subscribers hear them. A Redis stall must never hold
 * up the projection that calls this after its commit (issue 9: PUBLISH timed out after Lettuce's one minute, with the
 * projection's thread behind it): {@link #changed} only offers the message to a bounded buffer and returns; a
 * thread of its own publishes, each PUBLISH with a short timeout. When Redis is slow or gone, messages are dropped
 * and counted (a lost notification only delays a live view: the row itself is committed, and a reload shows it).
 */
public class RedisTaskRowNotifier implements TaskRowNotifier, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisTaskRowNotifier.class);
    static final int BUFFER = 10_000;
    static final int IN_FLIGHT = 64;

    private record Change(String channel, String message) {}

    private final Sinks.Many<Change> changes = Sinks.many().unicast().onBackpressureBuffer(Queues.<Change>get(BUFFER).get());
    private final Scheduler publisher = Schedulers.newSingle("dm-notify", true);
    private final AtomicLong dropped = new AtomicLong();
    private final Disposable subscription;

    public RedisTaskRowNotifier(ReactiveStringRedisTemplate redis) {
        this(redis, Duration.ofSeconds(2));
    }

    public RedisTaskRowNotifier(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.subscription = changes.asFlux()
                .publishOn(publisher, IN_FLIGHT) // connection set-up and dispatch on this thread, never the caller's
                .flatMap(c -> redis.convertAndSend(c.channel(), c.message())
                                   .timeout(timeout)
                                   .onErrorResume(e -> {
                                       drop("Could not publish a Data Manager change (" + e.getClass().getSimpleName() + ")");
                                       return Mono.empty();
                                   }), IN_FLIGHT)
                .subscribe();
    }

    @Override
    public void changed(String projectId, Collection<String> taskIds) {
        if (taskIds.isEmpty()) return;
        Sinks.EmitResult result;
        synchronized (changes) { // one emitter at a time (processors may have several threads)
            result = changes.tryEmitNext(new Change(CHANNEL_PREFIX + projectId, String.join(SEPARATOR, taskIds)));
        }
        if (result.isFailure()) drop("Data Manager change not published: " + result);
    }

    /** Changes not published so far (buffer full, Redis slow or unreachable). */
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
        publisher.dispose();
    }
}
