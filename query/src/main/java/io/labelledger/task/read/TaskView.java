package io.labelledger.task.read;

import java.time.Instant;
import java.util.List;

/**
 * A Data Manager row. {@code data} and {@code predictions} are JSON text. {@code reviewState}: NONE (no annotation),
 * PENDING (one awaits review), REJECTED (all reviewed, one rejected) or ACCEPTED (all accepted). {@code groundTruth}:
 * one of its annotations is ground truth (ADR 0022).
 */
public record TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                       int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt,
                       String reviewState, boolean groundTruth, Filterable columns) {
    /**
     * The Data Manager's filter columns (issue 12): label values per control (JSON text), annotators, standing
     * reviewers, accepted and rejected counts, summed lead time, best prediction score and model versions; the live
     * comments of the live annotations and the unresolved ones (issue 10); the people assigned the task to annotate and
     * to review (ADR 0042, a column since ADR 0048).
     */
    public record Filterable(String labels, List<String> annotators, List<String> reviewers, int acceptedCount, int rejectedCount,
                             Double leadTimeSeconds, Double predictionScore, List<String> modelVersions, int commentCount,
                             int unresolvedCommentCount, List<String> assignedAnnotators, List<String> assignedReviewers) {
        public static final Filterable NONE = new Filterable("{}", List.of(), List.of(), 0, 0, null, null, List.of(), 0, 0, List.of(), List.of());
    }

    public TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                    int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt,
                    String reviewState, boolean groundTruth) {
        this(id, projectId, number, data, predictions, annotationCount, skipCount, predictionCount, completed, createdAt, updatedAt,
                reviewState, groundTruth, Filterable.NONE);
    }

    /** A row without a recorded review state (e.g. folded "as of" for an export): pending when annotated. */
    public TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                    int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt) {
        this(id, projectId, number, data, predictions, annotationCount, skipCount, predictionCount, completed, createdAt, updatedAt,
                annotationCount == 0 ? "NONE" : "PENDING", false);
    }

    public TaskView(String id, String projectId, long number, String data, String predictions, int annotationCount,
                    int skipCount, int predictionCount, boolean completed, Instant createdAt, Instant updatedAt, boolean groundTruth) {
        this(id, projectId, number, data, predictions, annotationCount, skipCount, predictionCount, completed, createdAt, updatedAt,
                annotationCount == 0 ? "NONE" : "PENDING", groundTruth);
    }
}
