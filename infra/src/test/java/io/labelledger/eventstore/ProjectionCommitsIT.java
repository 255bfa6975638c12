package io.labelledger.eventstore;

import io.labelledger.projection.Projection;
import io.labelledger.testing.IntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections' processors commit asynchronously, everything else (the event store's appends) durably: the
 * setting is per transaction, never left on a pooled connection.
 */
class ProjectionCommitsIT extends IntegrationTest {
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyProjectionProcessorCommitsAsynchronouslyInItsOwnTransactionOnly() {
        for (Projection projection : Projection.values()) {
            // given the transaction manager Axon gives the projection's processor
            TransactionManager processorTransactions = processing.transactionManager(projection.processingGroup());
            assertThat(processorTransactions).as(projection.name()).isInstanceOf(AsyncCommitTransactionManager.class);

            // when a batch's transaction runs, then it commits without waiting for the flush
            String inside = processorTransactions.fetchInTransaction(() -> setting(jdbc));
            assertThat(inside).as(projection.name()).isEqualTo("off");
        }
        // and the connection goes back to the pool with the server's setting (durable): SET LOCAL ends with the transaction
        String server = jdbc.queryForObject("SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'", String.class);
        for (int i = 0; i < 20; i++) {
            assertThat(transactions.fetchInTransaction(() -> setting(jdbc))).isEqualTo(server);
            assertThat(setting(jdbc)).isEqualTo(server);
        }
    }

    private static String setting(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT current_setting('synchronous_commit')", String.class);
    }
}
