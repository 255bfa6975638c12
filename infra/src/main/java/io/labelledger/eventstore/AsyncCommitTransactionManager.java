package io.labelledger.eventstore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of the projections' event processors commit without waiting for the WAL flush
 * ({@code SET LOCAL synchronous_commit = off}); the event store's appends keep PostgreSQL's durable default.
 * <p>
 * Why this is safe: a projection's rows and its tracking token are written in the same transaction, and an
 * asynchronous commit that a crash loses is lost as a whole (PostgreSQL never keeps half of one). After such a crash
 * the processor resumes from the older token and applies those events again; the projections are idempotent. Nothing
 * acknowledged is lost: a command is acknowledged only after its events are durably in the event store. What it
 * buys: one fsync less on the path of every mutation that waits for its projection (read-your-writes), measured in
 * docs/benchmarks.md.
 */
public final class AsyncCommitTransactionManager implements TransactionManager {
    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    public AsyncCommitTransactionManager(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            // the JdbcTemplate runs on the connection bound to this thread by the transaction just started
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
