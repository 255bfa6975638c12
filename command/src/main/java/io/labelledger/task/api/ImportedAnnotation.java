package io.labelledger.task.api;

import tools.jackson.databind.JsonNode;

/**
 * An annotation carried by an imported task (Label Studio export): its result, lead time and whether Label Studio
 * marked it as ground truth ({@code "ground_truth": true}).
 */
public record ImportedAnnotation(AnnotationId annotationId, JsonNode result, Double leadTimeSeconds, boolean groundTruth) {
    /** Not ground truth. */
    public ImportedAnnotation(AnnotationId annotationId, JsonNode result, Double leadTimeSeconds) {
        this(annotationId, result, leadTimeSeconds, false);
    }
}
