package io.labelledger.projection;

import io.labelledger.eventstore.NotifyingTokenStore;
import io.labelledger.eventstore.ProjectionPositions;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, read-your-writes across processes: a mutation waits for the projector that owns the segment, wherever it
 * runs, on positions PostgreSQL pushes to every process (NOTIFY in the token's transaction), not by polling this
 * node's processors. "Another process" here is a plain JDBC connection doing what a projector's token store does.
 */
class ProjectionPositionsIT extends IntegrationTest {
    @Autowired
    ProjectionPositions positions;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    void announce(String processor, int segment, long position) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, NotifyingTokenStore.CHANNEL, processor + " " + segment + " " + position);
    }

    String remoteProcessorWithSegments(int segments) {
        String processor = "remote-view-" + UUID.randomUUID();
        for (int s = 0; s < segments; s++) jdbc.update("INSERT INTO token_entry (processor_name, segment) VALUES (?, ?)", processor, s);
        return processor;
    }

    @Test
    void aWaiterCompletesWhenEverySegmentOfAProcessorInAnotherProcessHasPassedItsPosition() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(positions::listening);
        String processor = remoteProcessorWithSegments(2);
        CompletableFuture<Void> waiting = positions.passed(processor, 500).toFuture();

        announce(processor, 0, 499);
        Thread.sleep(300);
        assertThat(waiting).as("segment 0 is one short").isNotDone();
        announce(processor, 0, 500);
        Thread.sleep(300);
        assertThat(waiting).as("segment 1 has said nothing yet").isNotDone();
        announce(processor, 1, 731);
        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        // a position heard before anyone waited for it counts too
        assertThat(positions.passed(processor, 480).toFuture()).succeedsWithin(Duration.ofSeconds(2));
    }

    @Test
    void thisProcessesOwnProjectorsAnnounceTheirPositionsWhenTheirTokensAreStored() {
        ApiClient owner = ApiClient.signUp(port, "Positions");
        owner.createProject("Announced", ApiClient.TEXT_CONFIG);
        long latest = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        for (Projection projection : new Projection[]{Projection.DATA_MANAGER, Projection.AUDIT_LOG}) {
            assertThat(positions.passed(projection.processingGroup(), latest).toFuture())
                    .as(projection.processingGroup()).succeedsWithin(Duration.ofSeconds(20));
        }
    }

    @Test
    void theListenerComesBackAfterItsConnectionIsKilled() {
        await().atMost(Duration.ofSeconds(20)).until(positions::listening);
        Integer killed = jdbc.queryForObject("""
                SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity
                WHERE query LIKE 'LISTEN ' || ? || '%' AND pid <> pg_backend_pid() AND datname = current_database()""",
                Integer.class, NotifyingTokenStore.CHANNEL);
        assertThat(killed).isPositive();
        String processor = remoteProcessorWithSegments(1);
        CompletableFuture<Void> waiting = positions.passed(processor, 42).toFuture();
        // announcements made while it reconnects are lost (the waiter's timeout covers them); the next one is heard
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            announce(processor, 0, 42);
            return waiting.isDone();
        });
    }
}
