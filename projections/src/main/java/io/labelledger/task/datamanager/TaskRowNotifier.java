package io.labelledger.task.datamanager;

import java.util.Collection;

/**
 * Tells live viewers that Data Manager rows changed. Called after the projection's transaction commits, once per
 * project and transaction with every task it touched: an import of 1,000 tasks is one message, not 1,000.
 */
public interface TaskRowNotifier {
    String CHANNEL_PREFIX = "ll:dm:";
    /** Task ids in one message are separated by this (ids are UUIDs, which never contain it). */
    String SEPARATOR = ",";

    void changed(String projectId, Collection<String> taskIds);
}
