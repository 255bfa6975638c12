package io.labelledger.task.jobs;

import io.labelledger.task.exportfile.ExportFormat;

import java.time.Instant;
import java.util.List;

/**
 * A background export: what it holds (format and filters, fixed at creation), where it is, how far it got.
 * {@code onlyGroundTruth} (ADR 0022) and {@code rawValues} (CSV/TSV cells not neutralized, ADR 0030) came last, after
 * the progress fields; {@code selected} (only the tasks of a Data Manager selection, fixed in export_job_task; ADR 0038)
 * after them.
 */
public record ExportJob(String id, String organizationId, String projectId, String userId, ExportFormat format,
                        boolean onlyCompleted, List<String> userIds, Instant asOf, long maxNumber, State state,
                        long totalTasks, long processedTasks, long writtenTasks, Long fileBytes, int attempts, String error,
                        Instant createdAt, Instant startedAt, Instant finishedAt, boolean onlyGroundTruth, boolean rawValues,
                        boolean selected) {
    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED;

        public boolean terminal() { return this == COMPLETED || this == FAILED; }
    }

    public ExportJob {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }

    /** The whole project (no Data Manager selection). */
    public ExportJob(String id, String organizationId, String projectId, String userId, ExportFormat format,
                     boolean onlyCompleted, List<String> userIds, Instant asOf, long maxNumber, State state,
                     long totalTasks, long processedTasks, long writtenTasks, Long fileBytes, int attempts, String error,
                     Instant createdAt, Instant startedAt, Instant finishedAt, boolean onlyGroundTruth, boolean rawValues) {
        this(id, organizationId, projectId, userId, format, onlyCompleted, userIds, asOf, maxNumber, state, totalTasks,
             processedTasks, writtenTasks, fileBytes, attempts, error, createdAt, startedAt, finishedAt, onlyGroundTruth, rawValues, false);
    }

    /** Not limited to ground truth. */
    public ExportJob(String id, String organizationId, String projectId, String userId, ExportFormat format,
                     boolean onlyCompleted, List<String> userIds, Instant asOf, long maxNumber, State state,
                     long totalTasks, long processedTasks, long writtenTasks, Long fileBytes, int attempts, String error,
                     Instant createdAt, Instant startedAt, Instant finishedAt) {
        this(id, organizationId, projectId, userId, format, onlyCompleted, userIds, asOf, maxNumber, state, totalTasks,
             processedTasks, writtenTasks, fileBytes, attempts, error, createdAt, startedAt, finishedAt, false, false, false);
    }

    /** The download's file name, e.g. {@code project-<id>-<job>.json}. */
    public String fileName() { return "project-" + projectId + "-export-" + id + format.extension(); }
}
