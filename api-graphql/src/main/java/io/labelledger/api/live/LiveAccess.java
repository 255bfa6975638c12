package io.labelledger.api.live;

import io.labelledger.api.Caller;
import io.labelledger.identity.account.Principals;
import io.labelledger.organization.directory.MemberAccessNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a long-lived connection acts for, now (ADR 0027). A graphql-ws socket is authenticated once, at the handshake;
 * every operation on it and every subscription event it delivers is decided again with the member's current role
 * ({@link #current}), and when a member is deactivated or their role changes ({@link MemberAccessNotifier}, Redis
 * pub/sub, so it reaches every replica) their open subscriptions are decided again at once; a deactivated member's
 * sockets are closed with 4403.
 */
public class LiveAccess implements AutoCloseable {
    /** graphql-ws closes with 44xx for refusals (4401 unauthorized, 4403 forbidden). */
    public static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Forbidden");
    private static final Logger log = LoggerFactory.getLogger(LiveAccess.class);

    private final Principals principals;
    /** (organizationId, userId) of every access change heard on Redis; hot. */
    private final Flux<String[]> changes;
    private final Map<String, Set<Socket>> sockets = new ConcurrentHashMap<>();
    private final Disposable closer;

    private record Socket(Caller caller, WebSocketSession session) {}

    public LiveAccess(Principals principals, ReactiveRedisMessageListenerContainer redis) {
        this.principals = principals;
        this.changes = Flux.defer(() -> redis.receive(ChannelTopic.of(MemberAccessNotifier.CHANNEL)))
                           .map(m -> m.getMessage().split(MemberAccessNotifier.SEPARATOR, 2))
                           .filter(parts -> parts.length == 2)
                           .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)))
                           .share();
        this.closer = changes.flatMap(c -> closeRefused(c[0], c[1])).subscribe();
    }

    /** The caller as the directory has them now; empty when they are no longer an active member of the organization. */
    public Mono<Caller> current(Caller claimed) {
        if (claimed == null) return Mono.empty();
        return principals.current(claimed.userId(), claimed.organizationId()).map(Caller::from);
    }

    /** Signals whenever this member's access in this organization changed (on any replica). */
    public Flux<Boolean> changesOf(Caller caller) {
        return changes.filter(c -> c[0].equals(caller.organizationId()) && c[1].equals(caller.userId())).map(c -> true);
    }

    /** Keeps an open socket until it ends, so that an access change can close it. */
    public Mono<Void> track(Caller caller, WebSocketSession session, Mono<Void> handling) {
        Socket socket = new Socket(caller, session);
        sockets.computeIfAbsent(caller.userId(), u -> ConcurrentHashMap.newKeySet()).add(socket);
        return handling.doFinally(s -> sockets.computeIfPresent(caller.userId(), (u, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        }));
    }

    private Mono<Void> closeRefused(String organizationId, String userId) {
        Set<Socket> open = sockets.get(userId);
        if (open == null) return Mono.empty();
        return Flux.fromIterable(Set.copyOf(open))
                   .filter(s -> s.caller().organizationId().equals(organizationId))
                   // deactivated: closed; a changed role keeps the socket, whose operations and subscriptions are
                   // decided with the new role from now on (the subscriptions at once, through changesOf)
                   .flatMap(s -> current(s.caller()).map(now -> false).defaultIfEmpty(true)
                           .flatMap(close -> close ? s.session().close(FORBIDDEN) : Mono.empty()))
                   .onErrorResume(e -> {
                       log.warn("Could not close a socket after an access change: {}", e.toString());
                       return Mono.empty();
                   })
                   .then();
    }

    @Override
    public void close() { closer.dispose(); }
}
