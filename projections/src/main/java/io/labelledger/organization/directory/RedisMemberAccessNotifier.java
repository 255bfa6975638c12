package io.labelledger.organization.directory;

import io.labelledger.projection.RedisPublisher;

/**
 * Member access changes on Redis pub/sub, so that every replica hears them; never blocks ({@link RedisPublisher}).
 * Every operation on a socket is checked anyway; this only makes the change immediate.
 */
public class RedisMemberAccessNotifier implements MemberAccessNotifier {
    private final RedisPublisher redis;

    public RedisMemberAccessNotifier(RedisPublisher redis) {
        this.redis = redis;
    }

    @Override
    public void changed(String organizationId, String userId) {
        redis.publish(CHANNEL, organizationId + SEPARATOR + userId);
    }
}
