package io.labelledger.task.jobs;

import io.labelledger.project.api.BulkTaskAction;

import java.time.Instant;

/**
 * A background bulk action over a Data Manager selection (issue 11, ADR 0042): who asked (the commands are theirs),
 * what (the action and its parameters as JSON), over which tasks (the selection as JSON: ticked ids, or a filter with
 * exclusions) up to the snapshot {@code maxNumber}, and how far it got.
 */
public record BulkJob(String id, String organizationId, String projectId, String userId, BulkTaskAction action, String selectionJson,
                      String parametersJson, long maxNumber, State state, long totalTasks, long processedTasks, long changedTasks,
                      long refusedTasks, int attempts, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {
    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED;

        public boolean terminal() { return this == COMPLETED || this == FAILED; }
    }
}
