package io.labelledger.task.api;

import tools.jackson.databind.JsonNode;

/**
 * A model's pre-annotation of a task, in Label Studio's result shape. {@code intId}: its integer id (ADR 0050), null in
 * events recorded before integer ids existed.
 */
public record Prediction(String modelVersion, Double score, JsonNode result, Long intId) {
    public Prediction(String modelVersion, Double score, JsonNode result) {
        this(modelVersion, score, result, null);
    }

    public Prediction withIntId(long id) { return new Prediction(modelVersion, score, result, id); }
}
