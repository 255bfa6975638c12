package io.labelledger.eventstore;

import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each event processor's segments have got, as every replica hears it from PostgreSQL: one connection per
 * process LISTENs to {@link NotifyingTokenStore#CHANNEL}, whichever process runs the processors (issue 16: web
 * replicas without projectors, two projector processes sharing segments). A waiter for "processor P has passed
 * global index N" completes when every segment of P has announced a position at or past N — pushed, no polling.
 * <p>
 * What it cannot know: a segment that has not moved since this process started listening (its position is not in
 * any notification yet). The local processors' positions are taken in when the listener connects; a remote one is
 * learnt with its next batch. Waiters are bounded by their caller's timeout, so the worst case is the old one: the
 * mutation answers at the timeout with a read that may trail.
 */
public class ProjectionPositions implements SmartLifecycle, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProjectionPositions.class);
    static final Duration SEGMENT_COUNT_TTL = Duration.ofSeconds(30);

    private final ConnectionFactory listenerConnections;
    private final DatabaseClient db;
    private final EventProcessingConfiguration localProcessors;
    private final Clock clock;
    private final Map<String, Map<Integer, Long>> positions = new ConcurrentHashMap<>();
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final Map<String, SegmentCount> segmentCounts = new ConcurrentHashMap<>();
    private volatile Disposable listening;
    private volatile boolean connected;

    private record Waiter(long position, int segments, Sinks.Empty<Void> done) {}

    private record SegmentCount(int count, Instant readAt) {}

    /** {@code listenerConnections}: unpooled, one connection held for the application's life. */
    public ProjectionPositions(ConnectionFactory listenerConnections, DatabaseClient db, EventProcessingConfiguration localProcessors, Clock clock) {
        this.listenerConnections = listenerConnections;
        this.db = db;
        this.localProcessors = localProcessors;
        this.clock = clock;
    }

    /** Completes when every segment of {@code processor} has passed {@code position} (never errors; callers bound it). */
    public Mono<Void> passed(String processor, long position) {
        return segments(processor).flatMap(count -> {
            Waiter waiter = new Waiter(position, count, Sinks.empty());
            Set<Waiter> mine = waiters.computeIfAbsent(processor, k -> ConcurrentHashMap.newKeySet());
            mine.add(waiter);
            check(processor, waiter); // it may have been heard before the waiter was registered
            return waiter.done().asMono().doFinally(signal -> mine.remove(waiter));
        });
    }

    /** Whether the listener is connected now (health, tests). */
    public boolean listening() {
        return connected;
    }

    void heard(String processor, int segment, long position) {
        positions.computeIfAbsent(processor, k -> new ConcurrentHashMap<>()).merge(segment, position, Math::max);
        Set<Waiter> mine = waiters.get(processor);
        if (mine != null) mine.forEach(w -> check(processor, w));
    }

    private void check(String processor, Waiter waiter) {
        Map<Integer, Long> known = positions.get(processor);
        if (known == null) return;
        long there = known.values().stream().filter(p -> p >= waiter.position()).count();
        if (there >= waiter.segments()) waiter.done().tryEmitEmpty();
    }

    /** The processor's number of segments from the token table (split and merged rarely: cached for a while). */
    private Mono<Integer> segments(String processor) {
        SegmentCount cached = segmentCounts.get(processor);
        Instant now = clock.instant();
        if (cached != null && cached.readAt().plus(SEGMENT_COUNT_TTL).isAfter(now)) return Mono.just(cached.count());
        // read to its end even when the caller's timeout fires: a read cancelled mid-query spoils its connection (ADR 0046)
        var read = db.sql("SELECT count(*) AS segments FROM token_entry WHERE processor_name = :p").bind("p", processor)
                     .map(row -> row.get("segments", Long.class)).one().toFuture();
        return Mono.fromFuture(read, true).map(n -> {
            int count = (int) Math.max(1, n == null ? 1 : n); // not yet initialised: wait for its first segment
            segmentCounts.put(processor, new SegmentCount(count, now));
            return count;
        });
    }

    // ---- the listener ------------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (listening != null) return;
        listening = Flux.usingWhen(listenerConnections.create(), this::listen, Connection::close)
                        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                                        .doBeforeRetry(r -> {
                                            connected = false;
                                            log.warn("Listening for projection positions failed ({}); reconnecting", r.failure().toString());
                                        }))
                        .subscribe(this::onNotification, e -> log.error("Projection positions listener ended", e));
    }

    private Flux<Notification> listen(Connection connection) {
        PostgresqlConnection pg = (PostgresqlConnection) connection;
        return pg.createStatement("LISTEN " + NotifyingTokenStore.CHANNEL).execute()
                 .flatMap(PostgresqlResult::getRowsUpdated).then()
                 .thenMany(Flux.defer(() -> {
                     connected = true;
                     takeInLocalPositions();
                     return pg.getNotifications();
                 }))
                 // the notification stream ends with its connection: make that a failure, so that it reconnects
                 .concatWith(Mono.error(() -> new IllegalStateException("the listening connection closed")));
    }

    private void onNotification(Notification notification) {
        String payload = notification.getParameter();
        if (payload == null) return;
        String[] parts = payload.split(" ");
        if (parts.length != 3) return;
        try {
            heard(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            log.debug("Ignoring a malformed projection position: {}", payload);
        }
    }

    /** What this process's own processors have done before the listener was there. */
    private void takeInLocalPositions() {
        localProcessors.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.processingStatus().forEach((segment, status) ->
                        status.getCurrentPosition().ifPresent(p -> heard(name, segment, p)));
            }
        });
    }

    @Override
    public synchronized void stop() {
        close();
    }

    @Override
    public synchronized void close() {
        connected = false;
        if (listening != null) listening.dispose();
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }

    /** Starts before the web server takes requests and stops after it has drained them (its phases are higher). */
    @Override
    public int getPhase() {
        return 0;
    }
}
