package io.labelledger.task.importing;

import io.labelledger.project.config.InvalidResult;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.ResultValidator;
import io.labelledger.task.api.NewTask;
import io.labelledger.task.api.Prediction;
import io.labelledger.task.api.TaskId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads Label Studio task JSON: a list of tasks or one task. A task is {"data": {...}, "predictions": [...]}, or,
 * as Label Studio also accepts, a bare object that is the data itself. Every record is checked against the labeling
 * config (the fields it reads must be present, predictions must fit it), and bad records are reported by index.
 */
public final class LabelStudioTaskParser {
    public static final int MAX_TASKS_PER_REQUEST = 200_000;

    private final JsonMapper json;
    private final Supplier<UUID> ids;

    public LabelStudioTaskParser(JsonMapper json, Supplier<UUID> ids) {
        this.json = json;
        this.ids = ids;
    }

    public record Rejection(int index, String reason) {}

    public record Parsed(List<NewTask> tasks, List<Rejection> rejections, String error) {
        public static Parsed failed(String error) { return new Parsed(List.of(), List.of(), error); }
    }

    public Parsed parse(String text, LabelingConfig config) {
        if (text == null || text.isBlank()) return Parsed.failed("The import is empty");
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            return Parsed.failed("Not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        List<JsonNode> records = new ArrayList<>();
        if (root.isArray()) root.forEach(records::add);
        else if (root.isObject()) records.add(root);
        else return Parsed.failed("Expected a list of tasks or one task object");
        if (records.isEmpty()) return Parsed.failed("The list holds no task");
        if (records.size() > MAX_TASKS_PER_REQUEST) return Parsed.failed("More than " + MAX_TASKS_PER_REQUEST + " tasks in one request");

        List<NewTask> tasks = new ArrayList<>(records.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                tasks.add(task(records.get(i), config, i));
            } catch (BadRecord e) {
                rejections.add(new Rejection(i, e.getMessage()));
            }
        }
        return new Parsed(tasks, rejections, null);
    }

    private NewTask task(JsonNode record, LabelingConfig config, int index) {
        if (!record.isObject()) throw new BadRecord("A task must be a JSON object");
        JsonNode data = record.has("data") ? record.get("data") : record;
        if (!data.isObject()) throw new BadRecord("\"data\" must be a JSON object");
        if (data == record) data = stripTaskKeys((ObjectNode) record.deepCopy());
        for (String field : config.dataFields()) {
            if (!data.has(field)) throw new BadRecord("The data has no field \"" + field + "\" that the labeling config reads");
        }
        List<Prediction> predictions = new ArrayList<>();
        JsonNode ps = record.get("predictions");
        if (ps != null && !ps.isNull() && record.has("data")) {
            if (!ps.isArray()) throw new BadRecord("\"predictions\" must be a list");
            for (int p = 0; p < ps.size(); p++) {
                JsonNode pred = ps.get(p);
                JsonNode result = pred.isArray() ? pred : pred.get("result");
                try {
                    ResultValidator.validate(config, result, "predictions[" + p + "].result");
                } catch (InvalidResult e) {
                    throw new BadRecord(e.getMessage());
                }
                String model = pred.isObject() && pred.hasNonNull("model_version") ? pred.get("model_version").asString() : null;
                Double score = pred.isObject() && pred.hasNonNull("score") && pred.get("score").isNumber() ? pred.get("score").asDouble() : null;
                predictions.add(new Prediction(model, score, result));
            }
        }
        return new NewTask(new TaskId(ids.get().toString()), data, predictions);
    }

    private static JsonNode stripTaskKeys(ObjectNode node) {
        node.remove("id");
        return node;
    }

    private static final class BadRecord extends RuntimeException {
        BadRecord(String message) {
            super(message, null, false, false);
        }
    }
}
