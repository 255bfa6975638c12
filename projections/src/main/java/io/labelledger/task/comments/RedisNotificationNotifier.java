package io.labelledger.task.comments;

import io.labelledger.projection.RedisPublisher;

/**
 * Redis pub/sub, so that the recipient's subscription on any replica hears it; never blocks ({@link RedisPublisher}).
 * A lost message only delays the bell: the row is committed and the unread count reads it.
 */
public class RedisNotificationNotifier implements NotificationNotifier {
    private final RedisPublisher redis;

    public RedisNotificationNotifier(RedisPublisher redis) {
        this.redis = redis;
    }

    @Override
    public void added(String recipientId, String notificationId) {
        redis.publish(CHANNEL_PREFIX + recipientId, notificationId);
    }
}
