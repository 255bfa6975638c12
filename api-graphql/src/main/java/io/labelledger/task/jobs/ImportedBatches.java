package io.labelledger.task.jobs;

/**
 * Whether a task already exists in the event store. A job's batches get deterministic task ids and land whole or not
 * at all, so a batch whose first task exists was imported before (by a worker that died, or one still running).
 */
public interface ImportedBatches {
    boolean exists(String taskId);
}
