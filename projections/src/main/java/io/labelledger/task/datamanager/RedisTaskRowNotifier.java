package io.labelledger.task.datamanager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.util.Collection;

/** Publishes row changes on Redis pub/sub so that every replica's subscribers hear them. */
public class RedisTaskRowNotifier implements TaskRowNotifier {
    private static final Logger log = LoggerFactory.getLogger(RedisTaskRowNotifier.class);
    private final ReactiveStringRedisTemplate redis;

    public RedisTaskRowNotifier(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void changed(String projectId, Collection<String> taskIds) {
        if (taskIds.isEmpty()) return;
        // fire and forget: a lost notification only delays a live view, the row itself is committed
        redis.convertAndSend(CHANNEL_PREFIX + projectId, String.join(SEPARATOR, taskIds))
             .subscribe(n -> {}, e -> log.warn("Could not publish a Data Manager change: {}", e.toString()));
    }
}
