package io.labelledger.projection;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs a side effect once the projection's transaction (the token's) has committed; at once when there is none. */
public final class AfterCommit {
    private AfterCommit() {}

    public static void run(Runnable effect) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            effect.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() { effect.run(); }
        });
    }
}
