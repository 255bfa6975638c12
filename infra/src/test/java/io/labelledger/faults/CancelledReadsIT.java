package io.labelledger.faults;

import io.labelledger.testing.IntegrationTest;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, the stall that never ended ("every thread idle", requests hanging until the client gave up, nothing in the
 * log): a read cancelled while PostgreSQL is still answering it (the client went away, a timeout fired) gives its
 * connection back to the pool in a state where the next query on it never answers. Measured outside the application
 * (r2dbc-pool 1.0.2, r2dbc-postgresql 1.1.3): after 40 such cancellations on a pool of 4, every connection was idle
 * and a plain SELECT 1 hung. The application's read pool validates each connection it hands out (ADR 0046).
 */
class CancelledReadsIT extends IntegrationTest {
    @Autowired
    ConnectionFactory reads;

    @Test
    void readsCancelledMidQueryDoNotLeaveConnectionsThatNeverAnswer() {
        DatabaseClient db = DatabaseClient.create(reads);
        for (int i = 0; i < 40; i++) { // more than the pool has connections
            db.sql("SELECT pg_sleep(0.3)").fetch().one().timeout(Duration.ofMillis(30)).onErrorResume(e -> Mono.empty())
              .block(Duration.ofSeconds(30));
        }
        for (int i = 0; i < 20; i++) {
            Integer one = db.sql("SELECT 1 AS one").map(r -> r.get("one", Integer.class)).one().block(Duration.ofSeconds(20));
            assertThat(one).isEqualTo(1);
        }
    }

    /**
     * The one 503 seen on a plain GET after this test: cancellations at the same moment leave several poisoned
     * connections idle at once, and an acquisition that met two of them in a row (validation, then one retry) failed.
     * Connections now prove themselves when they go back to the pool, so a burst of reads after a burst of
     * cancellations all answer.
     */
    @Test
    void aBurstOfReadsAfterCancellationsAcrossThePoolAllAnswer() {
        DatabaseClient db = DatabaseClient.create(reads);
        for (int round = 0; round < 3; round++) {
            Flux.range(0, 32).flatMap(i -> db.sql("SELECT pg_sleep(0.3)").fetch().one().timeout(Duration.ofMillis(50))
                                             .onErrorResume(e -> Mono.empty()), 32)
                .then().block(Duration.ofSeconds(60));
        }
        List<Integer> answers = Flux.range(0, 48)
                .flatMap(i -> db.sql("SELECT 1 AS one").map(r -> r.get("one", Integer.class)).one()
                                .onErrorResume(e -> Mono.just(-1)), 48)
                .collectList().block(Duration.ofSeconds(120));
        assertThat(answers).hasSize(48).containsOnly(1);
    }
}
