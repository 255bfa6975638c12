package io.labelledger.task.datamanager;

/** Tells live viewers that a Data Manager row changed. Called after the projection's transaction commits. */
public interface TaskRowNotifier {
    String CHANNEL_PREFIX = "ll:dm:";

    void changed(String projectId, String taskId);
}
