package io.labelledger.eventstore;

import io.labelledger.admin.web.ProjectionRebuilds;
import io.labelledger.projection.Projection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a projection: stop its processor on this node, empty its tables, reset its tokens to the tail of the
 * event store, start it again. The processor then replays every event into the empty tables.
 * With several replicas, stop the processor on every node first (Axon's reset needs all segments released).
 */
public class ProjectionRebuilder implements ProjectionRebuilds {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ProjectionRebuilder(EventProcessingConfiguration processing, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public synchronized void rebuild(Projection projection) {
        StreamingEventProcessor processor = processing
                .eventProcessor(projection.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor for " + projection.processingGroup()));
        log.info("Rebuilding projection {}", projection);
        processor.shutdownAsync().orTimeout(30, TimeUnit.SECONDS).join();
        tx.executeWithoutResult(s -> {
            for (String table : projection.tables()) jdbc.execute("DELETE FROM " + table);
        });
        processor.resetTokens();
        processor.start();
    }

    /**
     * True once every segment has processed the events that existed when the replay started. (Axon marks a segment
     * as replaying until the first event <em>after</em> the reset point, so "not replaying" alone would wait for
     * new traffic.)
     */
    public boolean caughtUp(Projection projection) {
        return processing.eventProcessor(projection.processingGroup(), StreamingEventProcessor.class)
                         .map(p -> !p.processingStatus().isEmpty() && p.processingStatus().values().stream().allMatch(ProjectionRebuilder::done))
                         .orElse(false);
    }

    private static boolean done(EventTrackerStatus s) {
        if (!s.isCaughtUp()) return false;
        if (!s.isReplaying()) return true;
        OptionalLong reset = s.getResetPosition();
        OptionalLong current = s.getCurrentPosition();
        return reset.isPresent() && current.isPresent() && current.getAsLong() >= reset.getAsLong();
    }
}
