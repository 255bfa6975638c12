package io.labelledger.task.api;

import tools.jackson.databind.JsonNode;

/** An annotation carried by an imported task (Label Studio export): its result and lead time. */
public record ImportedAnnotation(AnnotationId annotationId, JsonNode result, Double leadTimeSeconds) {}
