package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Connection;
import io.labelledger.api.UserError;
import io.labelledger.shared.ErrorCode;
import io.labelledger.task.comments.NotificationNotifier;
import io.labelledger.task.read.NotificationInbox;
import io.labelledger.task.read.NotificationView;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * The caller's in-app notifications (ADR 0032): always the caller's own, in the organization of the session. New ones
 * are pushed through Redis pub/sub (published by the projection after its commit), so any replica serves the bell.
 */
@Controller
public class NotificationController {
    private final NotificationInbox inbox;
    private final ReactiveRedisMessageListenerContainer redis;
    private final Clock clock;

    public NotificationController(NotificationInbox inbox, ReactiveRedisMessageListenerContainer redis, Clock clock) {
        this.inbox = inbox;
        this.redis = redis;
        this.clock = clock;
    }

    public record MarkNotificationsReadInput(List<String> ids, Boolean all) {}

    public record MarkNotificationsReadPayload(Integer unreadCount, List<UserError> errors) {}

    @QueryMapping
    public Mono<Connection.Page<NotificationView>> notifications(@Argument Integer first, @Argument String after, @ContextValue Caller caller) {
        int limit = Connection.size(first);
        Long before;
        try {
            before = after == null || after.isEmpty() ? null : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid cursor");
        }
        return inbox.page(caller.organizationId(), caller.userId(), limit + 1, before).collectList()
                    .map(rows -> Connection.of(rows, limit, n -> Long.toString(n.position()), null));
    }

    @QueryMapping
    public Mono<Integer> unreadNotificationCount(@ContextValue Caller caller) {
        return inbox.unreadCount(caller.organizationId(), caller.userId());
    }

    @MutationMapping
    public Mono<MarkNotificationsReadPayload> markNotificationsRead(@Argument MarkNotificationsReadInput input, @ContextValue Caller caller) {
        boolean all = Boolean.TRUE.equals(input.all());
        List<String> ids = input.ids() == null ? List.of() : input.ids();
        if (all == !ids.isEmpty()) {
            return Mono.just(new MarkNotificationsReadPayload(null,
                    List.of(UserError.of(ErrorCode.VALIDATION, "ids", "Give either ids or all: true"))));
        }
        if (ids.size() > 500) {
            return Mono.just(new MarkNotificationsReadPayload(null, List.of(UserError.of(ErrorCode.VALIDATION, "ids", "At most 500 ids"))));
        }
        Mono<Void> mark = all ? inbox.markAllRead(caller.organizationId(), caller.userId(), clock.instant())
                              : inbox.markRead(caller.organizationId(), caller.userId(), ids, clock.instant());
        return mark.then(inbox.unreadCount(caller.organizationId(), caller.userId()))
                   .map(n -> new MarkNotificationsReadPayload(n, List.of()));
    }

    /** The caller's new notifications in the session's organization, as they are added. */
    @SubscriptionMapping
    public Flux<NotificationView> notificationAdded(@ContextValue Caller caller) {
        return redis.receive(ChannelTopic.of(NotificationNotifier.CHANNEL_PREFIX + caller.userId()))
                    .concatMap(message -> inbox.get(caller.organizationId(), caller.userId(), message.getMessage()));
    }

}
