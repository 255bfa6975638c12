package io.labelledger.task.api;

import tools.jackson.databind.JsonNode;

/**
 * An annotation carried by an imported task (Label Studio export): its result, lead time, whether Label Studio
 * marked it as ground truth ({@code "ground_truth": true}) and Label Studio's {@code completed_by} as the file has it
 * (a number, an email, or an object with id and email; null when absent). {@code completedBy} is only read by the
 * import: the member it names by email becomes the author, any other value is kept outside events (ADR 0030).
 * {@code intId}: its integer id (ADR 0050), filled at dispatch.
 */
public record ImportedAnnotation(AnnotationId annotationId, JsonNode result, Double leadTimeSeconds, boolean groundTruth,
                                 JsonNode completedBy, Long intId) {
    public ImportedAnnotation {
        if (completedBy != null && (completedBy.isNull() || completedBy.isMissingNode())) completedBy = null;
    }

    public ImportedAnnotation(AnnotationId annotationId, JsonNode result, Double leadTimeSeconds, boolean groundTruth,
                              JsonNode completedBy) {
        this(annotationId, result, leadTimeSeconds, groundTruth, completedBy, null);
    }

    public ImportedAnnotation withIntId(long id) {
        return new ImportedAnnotation(annotationId, result, leadTimeSeconds, groundTruth, completedBy, id);
    }

    /** Without Label Studio's author. */
    public ImportedAnnotation(AnnotationId annotationId, JsonNode result, Double leadTimeSeconds, boolean groundTruth) {
        this(annotationId, result, leadTimeSeconds, groundTruth, null);
    }

    /** Not ground truth, without Label Studio's author. */
    public ImportedAnnotation(AnnotationId annotationId, JsonNode result, Double leadTimeSeconds) {
        this(annotationId, result, leadTimeSeconds, false, null);
    }

    /** The email {@code completedBy} names: the string itself or the object's {@code email}; null otherwise. */
    public String completedByEmail() {
        return emailOf(completedBy);
    }

    /** The email a Label Studio {@code completed_by} value names (import, and the export of a kept value). */
    public static String emailOf(JsonNode completedBy) {
        if (completedBy == null) return null;
        JsonNode email = completedBy.isObject() ? completedBy.get("email") : completedBy;
        if (email == null || !email.isString()) return null;
        String text = email.asString().strip();
        return text.contains("@") ? text : null;
    }
}
