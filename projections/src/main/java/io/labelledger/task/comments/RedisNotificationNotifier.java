package io.labelledger.task.comments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Redis pub/sub, so that the recipient's subscription on any replica hears it. Fire and forget: never blocks. */
public class RedisNotificationNotifier implements NotificationNotifier {
    private static final Logger log = LoggerFactory.getLogger(RedisNotificationNotifier.class);
    private final ReactiveStringRedisTemplate redis;

    public RedisNotificationNotifier(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void added(String recipientId, String notificationId) {
        // a lost message only delays the bell: the row is committed and the unread count reads it
        redis.convertAndSend(CHANNEL_PREFIX + recipientId, notificationId)
             .subscribe(n -> {}, e -> log.warn("Could not publish a notification: {}", e.toString()));
    }
}
