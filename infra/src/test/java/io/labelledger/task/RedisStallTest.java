package io.labelledger.task;

import io.labelledger.projection.RedisPublisher;
import io.labelledger.task.datamanager.RedisTaskRowNotifier;
import io.labelledger.task.datamanager.TaskRowNotifier;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, "a one-minute stall under load": PUBLISH from the Data Manager's notifier (now RedisPublisher) timed out after Lettuce's one minute,
 * and a Redis stall held up what called it. On a Redis of its own (CLIENT PAUSE would stall everybody's shared test
 * Redis), paused from the start: the projection's call returns at once, changes are dropped after a short timeout,
 * and publishing resumes when Redis does.
 */
class RedisStallTest {
    Process redis;
    int port;
    LettuceConnectionFactory factory;
    RedisClient client;

    @BeforeEach
    void dedicatedRedis() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
        client = RedisClient.create("redis://127.0.0.1:" + port);
    }

    @AfterEach
    void stop() throws IOException {
        if (factory != null) factory.destroy();
        client.shutdown();
        redis.destroy();
    }

    static Duration timeOf(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aPausedRedisHoldsUpNoProjectionAndPublishingResumes() {
        List<String> heard = new CopyOnWriteArrayList<>();
        StatefulRedisPubSubConnection<String, String> listener = client.connectPubSub();
        listener.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) { heard.add(message); }
        });
        listener.sync().subscribe(TaskRowNotifier.CHANNEL_PREFIX + "p1");

        // Redis stalls before the application's first PUBLISH (the fresh-start case): not even a connection is set up yet
        client.connect().sync().clientPause(2_000);
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        try (RedisPublisher publisher = new RedisPublisher(new ReactiveStringRedisTemplate(factory), Duration.ofMillis(300))) {
            RedisTaskRowNotifier notifier = new RedisTaskRowNotifier(publisher);
            assertThat(timeOf(() -> { for (int i = 0; i < 500; i++) notifier.changed("p1", List.of("task-" + i)); }))
                    .as("500 notifications (what the projection does after each commit) while Redis is paused")
                    .isLessThan(Duration.ofMillis(500));
            // buffered, then published once Redis answers
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(heard).contains("task-499"));

            // a stall of a connected Redis: PUBLISH times out after 300 ms, the change is dropped and counted, nobody waits
            client.connect().sync().clientPause(3_000);
            assertThat(timeOf(() -> { for (int i = 0; i < 50; i++) notifier.changed("p1", List.of("stalled-" + i)); }))
                    .isLessThan(Duration.ofMillis(200));
            await().atMost(Duration.ofSeconds(10)).until(() -> publisher.dropped() > 0);

            // Redis answers again: new changes are published
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                notifier.changed("p1", List.of("after-the-stall"));
                assertThat(heard).contains("after-the-stall");
            });
        } finally {
            listener.close();
        }
    }
}
