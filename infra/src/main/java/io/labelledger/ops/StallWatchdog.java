package io.labelledger.ops;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Watches what every request waits on (issue 9, "a one-minute stall under load"): once a second each probe — a Redis
 * round trip on the shared connection, a task on each HTTP event loop, a boundedElastic task, an R2DBC and a JDBC
 * {@code SELECT 1} — is started unless its previous run is still out. A probe out for longer than the threshold is a
 * stall: the watchdog logs which probes are stuck and the pools' state, and writes a full thread dump beside the log
 * (at most one per {@code dumpEvery}), so that a stall that does not reproduce on demand is diagnosed the first time
 * it happens in the field. Runs on a platform thread of its own so that what it watches cannot hold it up.
 */
public class StallWatchdog implements AutoCloseable, org.springframework.context.SmartLifecycle {
    private final java.util.List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final Logger log = LoggerFactory.getLogger(StallWatchdog.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** A stall as seen by the watchdog: the probes out for longer than the threshold, and where the dump went. */
    public record Stall(Instant at, Map<String, Duration> stuck, String pools, Optional<Path> dump) {}

    private final Map<String, Supplier<? extends Publisher<?>>> probes;
    private final Supplier<String> pools;
    private final Duration threshold;
    private final Duration dumpEvery;
    private final Path dumpDir;
    private final Clock clock;
    private final Map<String, Instant> outSince = new LinkedHashMap<>();
    private final Map<String, Disposable> running = new LinkedHashMap<>();
    private final ScheduledExecutorService thread;
    private volatile Stall lastStall;
    private Instant lastDump = Instant.MIN;
    private boolean stalled;

    public StallWatchdog(Map<String, Supplier<? extends Publisher<?>>> probes, Supplier<String> pools, Duration threshold,
                         Duration dumpEvery, Path dumpDir, Clock clock) {
        this.probes = new LinkedHashMap<>(probes);
        this.pools = pools;
        this.threshold = threshold;
        this.dumpEvery = dumpEvery;
        this.dumpDir = dumpDir;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stall-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    private Duration period = Duration.ofSeconds(1);
    private volatile boolean started;

    /** Probes every {@code period} once started (by the application context, or {@link #start()}). */
    public StallWatchdog every(Duration period) {
        this.period = period;
        return this;
    }

    @Override
    public synchronized void start() {
        if (started) return;
        started = true;
        thread.scheduleWithFixedDelay(this::tickSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops first when the application shuts down (highest phase): no probe of pools that are closing. */
    @Override
    public void stop() {
        close();
    }

    @Override
    public boolean isRunning() { return started; }

    @Override
    public int getPhase() { return Integer.MAX_VALUE; }

    /** The most recent stall seen since start, if any. */
    public Optional<Stall> lastStall() {
        return Optional.ofNullable(lastStall);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Stall watchdog tick failed: {}", e.toString());
        }
    }

    /** One round: starts the probes that are not out, then looks for stuck ones. Package-private for tests. */
    synchronized void tick() {
        Instant now = clock.instant();
        probes.forEach((name, probe) -> {
            if (outSince.containsKey(name)) return;
            outSince.put(name, now);
            try {
                running.put(name, Mono.from(probe.get()).then()
                        .doFinally(s -> finished(name))
                        .subscribe(v -> { }, e -> { })); // a failing probe answered: only silence is a stall
            } catch (RuntimeException e) {
                finished(name);
            }
        });
        Map<String, Duration> stuck = new LinkedHashMap<>();
        outSince.forEach((name, since) -> {
            Duration out = Duration.between(since, now);
            if (out.compareTo(threshold) > 0) stuck.put(name, out);
        });
        if (stuck.isEmpty()) {
            if (stalled) log.warn("Stall over: every probe answers again");
            stalled = false;
            return;
        }
        if (stalled && Duration.between(lastDump, now).compareTo(dumpEvery) < 0) return;
        stalled = true;
        String poolState = safely(pools);
        Optional<Path> dump = Duration.between(lastDump, now).compareTo(dumpEvery) >= 0 ? dumpThreads(now) : Optional.empty();
        if (dump.isPresent()) lastDump = now;
        lastStall = new Stall(now, Map.copyOf(stuck), poolState, dump);
        log.warn("Stall: {} not answered; pools: {}; thread dump: {}",
                stuck.entrySet().stream().map(e -> e.getKey() + " for " + e.getValue().toMillis() + " ms").collect(Collectors.joining(", ")),
                poolState, dump.map(Path::toString).orElse("(one was written less than " + dumpEvery + " ago)"));
    }

    private synchronized void finished(String name) {
        outSince.remove(name);
        running.remove(name);
    }

    private Optional<Path> dumpThreads(Instant now) {
        try {
            Files.createDirectories(dumpDir);
            Path file = dumpDir.resolve("threads-" + FILE_TIME.format(now) + "-" + ProcessHandle.current().pid() + ".txt");
            Files.deleteIfExists(file);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                             .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write a thread dump to {}: {}", dumpDir, e.toString());
            return Optional.empty();
        }
    }

    private static String safely(Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return "(unknown: " + e + ")";
        }
    }

    /** Something the probes use that ends with the watchdog (e.g. the thread of the JDBC probe). */
    public StallWatchdog closing(Runnable release) {
        onClose.add(release);
        return this;
    }

    @Override
    public synchronized void close() {
        started = false;
        thread.shutdownNow();
        var all = java.util.List.copyOf(running.values()); // disposing runs doFinally, which removes from the map
        running.clear();
        all.forEach(Disposable::dispose);
        onClose.forEach(Runnable::run);
        onClose.clear();
    }
}
