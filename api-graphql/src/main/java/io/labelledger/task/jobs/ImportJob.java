package io.labelledger.task.jobs;

import io.labelledger.task.importing.ImportFormat;

import java.time.Instant;

/** A background import job as stored in {@code import_job}: what was uploaded, by whom, and how far it got. */
public record ImportJob(String id, String organizationId, String projectId, String userId, ImportFormat format, Mode mode,
                        State state, String fileName, long fileBytes, String clientIp, long readCount, long importedCount,
                        long rejectedCount, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public enum Mode { ALL_OR_NOTHING, SKIP_BAD }

    public enum State {
        QUEUED, VALIDATING, IMPORTING, COMPLETED, FAILED;

        public boolean terminal() { return this == COMPLETED || this == FAILED; }
    }
}
