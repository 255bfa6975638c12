package io.labelledger.task.api;

import tools.jackson.databind.JsonNode;

import java.util.List;

/** One task of an import: its data object and optional predictions. */
public record NewTask(TaskId taskId, JsonNode data, List<Prediction> predictions) {
    public NewTask {
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
    }
}
