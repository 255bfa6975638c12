package io.labelledger.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The figures an operator watches that no library measures for us (issue 16, "Observability"): how far each
 * projection's segments trail the event store (in events), and the background jobs waiting or running with the age
 * of the oldest. Read from the database every few seconds on a thread of its own and kept as gauges, so a Prometheus
 * scrape never queries the database (nor blocks an event loop). Command, event-processor, GraphQL, HTTP and pool
 * metrics come from Axon's and Spring's Micrometer support.
 */
public class OpsMetrics implements AutoCloseable, org.springframework.context.SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OpsMetrics.class);
    private static final List<String> JOB_TABLES = List.of("import_job", "export_job");

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MultiGauge lag;
    private final MultiGauge jobs;
    private final MultiGauge oldestJob;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ops-metrics");
        t.setDaemon(true);
        return t;
    });

    public OpsMetrics(MeterRegistry registry, EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lag = MultiGauge.builder("labelledger.projection.lag").baseUnit("events")
                             .description("Events in the store that a projection's segment has not processed yet").register(registry);
        this.jobs = MultiGauge.builder("labelledger.jobs.active")
                              .description("Background jobs queued or running").register(registry);
        this.oldestJob = MultiGauge.builder("labelledger.jobs.oldest.age").baseUnit("seconds")
                                   .description("Age of the oldest job queued or running").register(registry);
    }

    private Duration every = Duration.ofSeconds(5);
    private volatile boolean running;

    public OpsMetrics every(Duration every) {
        this.every = every;
        return this;
    }

    @Override
    public synchronized void start() {
        if (running) return;
        running = true;
        thread.scheduleWithFixedDelay(this::refreshSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops first when the application shuts down (highest phase): no query of a pool that is closing. */
    @Override
    public void stop() { close(); }

    @Override
    public boolean isRunning() { return running; }

    @Override
    public int getPhase() { return Integer.MAX_VALUE; }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("Could not refresh the operations metrics: {}", e.toString());
        }
    }

    /** One refresh of every gauge. Package-private for tests. */
    void refresh() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) return;
            for (Map.Entry<Integer, EventTrackerStatus> segment : streaming.processingStatus().entrySet()) {
                long position = segment.getValue().getCurrentPosition().orElse(-1);
                long behind = head == null ? 0 : Math.max(0, head - position);
                lagRows.add(MultiGauge.Row.of(Tags.of("processor", name, "segment", String.valueOf(segment.getKey())), behind));
            }
        });
        lag.register(lagRows, true);

        List<MultiGauge.Row<?>> jobRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
        for (String table : JOB_TABLES) {
            String kind = table.replace("_job", "");
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT count(*) AS active, min(created_at) AS oldest FROM " + table + " WHERE state NOT IN ('COMPLETED', 'FAILED')");
            jobRows.add(MultiGauge.Row.of(Tags.of("kind", kind), ((Number) row.get("active")).longValue()));
            Timestamp oldest = (Timestamp) row.get("oldest");
            double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
            ageRows.add(MultiGauge.Row.of(Tags.of("kind", kind), age));
        }
        jobs.register(jobRows, true);
        oldestJob.register(ageRows, true);
    }

    @Override
    public void close() {
        running = false;
        thread.shutdownNow();
    }
}
