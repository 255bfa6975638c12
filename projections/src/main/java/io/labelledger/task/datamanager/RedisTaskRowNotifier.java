package io.labelledger.task.datamanager;

import io.labelledger.projection.RedisPublisher;

import java.util.Collection;

/** Row changes on Redis pub/sub, so that every replica's subscribers hear them; never blocks ({@link RedisPublisher}). */
public class RedisTaskRowNotifier implements TaskRowNotifier {
    private final RedisPublisher redis;

    public RedisTaskRowNotifier(RedisPublisher redis) {
        this.redis = redis;
    }

    @Override
    public void changed(String projectId, Collection<String> taskIds) {
        if (!taskIds.isEmpty()) redis.publish(CHANNEL_PREFIX + projectId, String.join(SEPARATOR, taskIds));
    }
}
