package io.labelledger.task.api;

import tools.jackson.databind.JsonNode;

import java.util.List;

/** One task of an import: its data object, optional predictions and optional annotations (from an export). */
public record NewTask(TaskId taskId, JsonNode data, List<Prediction> predictions, List<ImportedAnnotation> annotations) {
    public NewTask {
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
    }

    public NewTask(TaskId taskId, JsonNode data, List<Prediction> predictions) {
        this(taskId, data, predictions, List.of());
    }
}
