package io.labelledger.task.jobs;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The queue of import jobs: one Redis Stream read by one consumer group, so that the workers of every replica share
 * the jobs and each job goes to one of them. An entry stays pending until its worker acknowledges it after the job
 * ended; a worker that died leaves it pending, and another one claims it once it has been idle long enough
 * (XAUTOCLAIM). Workers running a long job touch their entry after every batch, so it never looks idle.
 */
public class ImportJobQueue implements AutoCloseable {
    static final String GROUP = "importers";
    private static final String FIELD = "job";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> shared;
    private final String stream;
    private final String group;

    public ImportJobQueue(String redisUrl, String stream) {
        this(redisUrl, stream, GROUP);
    }

    /** A queue of another kind of job (exports): its own stream and consumer group, the same take-over rules. */
    public ImportJobQueue(String redisUrl, String stream, String group) {
        this.client = RedisClient.create(redisUrl);
        this.shared = client.connect();
        this.stream = stream;
        this.group = group;
        try {
            shared.sync().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException alreadyThere) {
            // BUSYGROUP: another replica (or an earlier run) created it
        }
    }

    public String stream() { return stream; }

    /** Appends the job; returns the entry id. */
    public String enqueue(String jobId) {
        return shared.sync().xadd(stream, Map.of(FIELD, jobId));
    }

    /**
     * The jobs that have an entry in the stream, delivered or not. Entries are deleted when their job ends, so the
     * stream holds only live jobs and stays small; {@code max} bounds the read anyway.
     */
    public java.util.Set<String> queuedJobIds(int max) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (StreamMessage<String, String> m : shared.sync().xrange(stream, io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.from(max))) {
            if (m.getBody() != null && m.getBody().containsKey(FIELD)) ids.add(m.getBody().get(FIELD));
        }
        return ids;
    }

    /** A named consumer of the group with its own connection (its reads block). */
    public Worker worker(String name) {
        return new Worker(name, client.connect());
    }

    @Override
    public void close() {
        shared.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /** An entry handed to a worker: the stream entry id and the job it names. */
    public record Entry(String id, String jobId) {}

    public final class Worker implements AutoCloseable {
        private final Consumer<String> consumer;
        private final StatefulRedisConnection<String, String> connection;

        private Worker(String name, StatefulRedisConnection<String, String> connection) {
            this.consumer = Consumer.from(group, name);
            this.connection = connection;
        }

        private RedisCommands<String, String> redis() { return connection.sync(); }

        /** Entries this consumer name was given before and never acknowledged (this replica's previous life). */
        public List<Entry> ownPending() {
            return entries(redis().xreadgroup(consumer, XReadArgs.Builder.count(100), XReadArgs.StreamOffset.from(stream, "0")));
        }

        /** Takes over entries of any consumer that have been pending without a sign of life for {@code idle}. */
        public List<Entry> reclaim(Duration idle, int count) {
            return entries(redis().xautoclaim(stream, XAutoClaimArgs.Builder.xautoclaim(consumer, idle, "0-0").count(count)).getMessages());
        }

        /** Waits up to {@code block} for a new entry. */
        public List<Entry> next(Duration block) {
            return entries(redis().xreadgroup(consumer, XReadArgs.Builder.count(1).block(block), XReadArgs.StreamOffset.lastConsumed(stream)));
        }

        /** Resets the entry's idle time: its job is alive. */
        public void touch(String entryId) {
            redis().xclaim(stream, consumer, XClaimArgs.Builder.minIdleTime(0).justid(), entryId);
        }

        /** The job ended (or no longer exists): the entry is done. */
        public void ack(String entryId) {
            redis().xack(stream, group, entryId);
            redis().xdel(stream, entryId);
        }

        private static List<Entry> entries(List<StreamMessage<String, String>> messages) {
            if (messages == null) return List.of();
            return messages.stream().filter(m -> m.getBody() != null && m.getBody().containsKey(FIELD))
                           .map(m -> new Entry(m.getId(), m.getBody().get(FIELD))).toList();
        }

        @Override
        public void close() { connection.close(); }
    }
}
