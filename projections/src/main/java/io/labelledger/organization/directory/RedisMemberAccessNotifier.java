package io.labelledger.organization.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Publishes member access changes on Redis pub/sub so that every replica hears them. */
public class RedisMemberAccessNotifier implements MemberAccessNotifier {
    private static final Logger log = LoggerFactory.getLogger(RedisMemberAccessNotifier.class);
    private final ReactiveStringRedisTemplate redis;

    public RedisMemberAccessNotifier(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void changed(String organizationId, String userId) {
        // fire and forget: every operation on a socket is checked anyway; this only makes it immediate
        redis.convertAndSend(CHANNEL, organizationId + SEPARATOR + userId)
             .subscribe(n -> {}, e -> log.warn("Could not publish a member access change: {}", e.toString()));
    }
}
