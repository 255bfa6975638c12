package io.labelledger.task.api;

import tools.jackson.databind.JsonNode;

/** A model's pre-annotation of a task, in Label Studio's result shape. */
public record Prediction(String modelVersion, Double score, JsonNode result) {}
