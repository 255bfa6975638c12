package io.labelledger.task.api;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.PrimitiveIterator;

/**
 * One task of an import: its data object, optional predictions and optional annotations (from an export).
 * {@code intId}: the task's integer id (ADR 0050), filled at dispatch with those of its predictions and annotations.
 */
public record NewTask(TaskId taskId, JsonNode data, List<Prediction> predictions, List<ImportedAnnotation> annotations, Long intId) {
    public NewTask {
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
    }

    public NewTask(TaskId taskId, JsonNode data, List<Prediction> predictions, List<ImportedAnnotation> annotations) {
        this(taskId, data, predictions, annotations, null);
    }

    public NewTask(TaskId taskId, JsonNode data, List<Prediction> predictions) {
        this(taskId, data, predictions, List.of());
    }

    /** The numbers this task, its predictions and its annotations lack. */
    int intIdsNeeded() {
        return (intId == null ? 1 : 0) + (int) predictions.stream().filter(p -> p.intId() == null).count()
               + (int) annotations.stream().filter(a -> a.intId() == null).count();
    }

    NewTask withIntIds(PrimitiveIterator.OfLong ids) {
        if (intIdsNeeded() == 0) return this;
        Long id = intId != null ? intId : ids.nextLong();
        List<Prediction> p = predictions.stream().map(x -> x.intId() != null ? x : x.withIntId(ids.nextLong())).toList();
        List<ImportedAnnotation> a = annotations.stream().map(x -> x.intId() != null ? x : x.withIntId(ids.nextLong())).toList();
        return new NewTask(taskId, data, p, a, id);
    }
}
