package io.labelledger.quality.agreement;

import io.labelledger.projection.RedisPublisher;

/** Agreement changes on Redis pub/sub (the task id as body), so that every replica's subscribers hear them. */
public class RedisAgreementNotifier implements AgreementNotifier {
    private final RedisPublisher redis;

    public RedisAgreementNotifier(RedisPublisher redis) { this.redis = redis; }

    @Override
    public void changed(String projectId, String taskId) { redis.publish(CHANNEL_PREFIX + projectId, taskId); }
}
