package io.labelledger.task.export;

import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.ReviewView;
import io.labelledger.task.read.TaskView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shapes exported tasks like Label Studio's exports. {@code JSON}: a list of tasks {id, data, annotations
 * [{id, completed_by {id, email}, result, lead_time, was_cancelled, ground_truth, created_at, updated_at, reviews
 * [{accepted, decision, comment, created_by {id, email}, created_at}]}], predictions [{model_version, score, result}]};
 * skips are Label Studio's cancelled annotations ({@code was_cancelled: true}, empty result) after the annotations.
 * {@code JSON_MIN}: flat rows — one per annotation (a task without annotations gives one row of its data) — with the
 * data fields, the annotation's id, author (id and email), lead time, times and review, and one column per control
 * holding the chosen values. CSV/TSV: the same rows, with lists and objects as JSON text. Emails come from the
 * people's accounts at export time (ADR 0030); someone no longer in the organization is exported by id only. An
 * imported annotation whose Label Studio author is no member is exported with Label Studio's value as it was.
 */
public final class LabelStudioExport {
    /** Columns of a flat row besides data fields and controls. */
    public static final List<String> ROW_COLUMNS = List.of("annotation_id", "annotator", "annotator_email", "lead_time", "created_at",
            "updated_at", "review", "review_comment", "reviewer", "reviewer_email");

    private final JsonMapper json;

    public LabelStudioExport(JsonMapper json) {
        this.json = json;
    }

    public ObjectNode task(ExportQueries.ExportTask t) {
        TaskView task = t.task();
        ObjectNode out = json.createObjectNode();
        out.put("id", task.number());
        out.put("task_id", task.id());
        out.set("data", json.readTree(task.data()));
        ArrayNode annotations = out.putArray("annotations");
        for (AnnotationView a : t.annotations()) {
            ObjectNode an = annotations.addObject();
            an.put("id", a.id());
            String imported = t.importedAuthor(a.id());
            // Label Studio's own value when its author is no member of ours: never re-attributed to the importer
            an.set("completed_by", imported != null ? json.readTree(imported) : person(a.authorId(), t));
            an.set("result", json.readTree(a.result()));
            if (a.leadTimeSeconds() == null) an.putNull("lead_time");
            else an.put("lead_time", a.leadTimeSeconds());
            an.put("was_cancelled", false);
            an.put("ground_truth", a.groundTruth());
            an.put("created_at", a.createdAt().toString());
            an.put("updated_at", a.updatedAt().toString());
            ArrayNode reviews = an.putArray("reviews");
            if (a.review() != null) {
                ReviewView r = a.review();
                ObjectNode review = reviews.addObject();
                review.put("accepted", "ACCEPTED".equals(r.decision()));
                review.put("decision", r.decision());
                if (r.comment() == null) review.putNull("comment");
                else review.put("comment", r.comment());
                review.set("created_by", person(r.reviewerId(), t));
                review.put("created_at", r.reviewedAt().toString());
            }
        }
        // a skip is Label Studio's cancelled annotation: who, no result (it has no id or time of its own here)
        for (String skipper : t.skippedBy()) {
            ObjectNode an = annotations.addObject();
            an.putNull("id");
            an.set("completed_by", person(skipper, t));
            an.putArray("result");
            an.putNull("lead_time");
            an.put("was_cancelled", true);
            an.put("ground_truth", false);
        }
        ArrayNode predictions = out.putArray("predictions");
        for (JsonNode p : json.readTree(task.predictions())) {
            ObjectNode pn = predictions.addObject();
            pn.set("model_version", p.get("modelVersion"));
            pn.set("score", p.get("score"));
            pn.set("result", p.get("result"));
        }
        out.put("created_at", task.createdAt().toString());
        out.put("updated_at", task.updatedAt().toString());
        return out;
    }

    /** The flat rows of one task (JSON_MIN, CSV, TSV). */
    public List<ObjectNode> rows(ExportQueries.ExportTask t, LabelingConfig config) {
        JsonNode data = json.readTree(t.task().data());
        List<ObjectNode> rows = new ArrayList<>();
        if (t.annotations().isEmpty()) {
            rows.add(base(t.task(), data));
            return rows;
        }
        for (AnnotationView a : t.annotations()) {
            ObjectNode row = base(t.task(), data);
            row.put("annotation_id", a.id());
            String imported = t.importedAuthor(a.id());
            if (imported != null) {
                JsonNode original = json.readTree(imported);
                row.set("annotator", original.isObject() && original.has("id") ? original.get("id") : original);
                putOrNull(row, "annotator_email", io.labelledger.task.api.ImportedAnnotation.emailOf(original));
            } else {
                row.put("annotator", a.authorId());
                putOrNull(row, "annotator_email", t.email(a.authorId()));
            }
            if (a.leadTimeSeconds() == null) row.putNull("lead_time");
            else row.put("lead_time", a.leadTimeSeconds());
            row.put("created_at", a.createdAt().toString());
            row.put("updated_at", a.updatedAt().toString());
            if (a.review() != null) {
                row.put("review", a.review().decision());
                putOrNull(row, "review_comment", a.review().comment());
                putOrNull(row, "reviewer", a.review().reviewerId());
                putOrNull(row, "reviewer_email", t.email(a.review().reviewerId()));
            }
            controlValues(json.readTree(a.result()), config).forEach(row::set);
            rows.add(row);
        }
        return rows;
    }

    /** Label Studio's {@code completed_by} of its JSON export: the person's id and email (id only when not known). */
    private ObjectNode person(String userId, ExportQueries.ExportTask t) {
        ObjectNode person = json.createObjectNode();
        person.put("id", userId);
        String email = t.email(userId);
        if (email != null) person.put("email", email);
        return person;
    }

    private static void putOrNull(ObjectNode row, String key, String value) {
        if (value == null) row.putNull(key);
        else row.put(key, value);
    }

    private ObjectNode base(TaskView task, JsonNode data) {
        ObjectNode row = json.createObjectNode();
        row.put("id", task.number());
        if (data.isObject()) data.properties().forEach(e -> row.set(e.getKey(), e.getValue()));
        return row;
    }

    /**
     * The chosen values per control: a single choice or text as a string, several as a list; regions (labels,
     * rectangles...) as their value objects, always in a list.
     */
    Map<String, JsonNode> controlValues(JsonNode result, LabelingConfig config) {
        Map<String, List<JsonNode>> byControl = new LinkedHashMap<>();
        Map<String, Boolean> scalar = new LinkedHashMap<>();
        for (JsonNode item : result) {
            if (!item.isObject() || "relation".equals(item.path("type").asString(""))) continue;
            String control = item.path("from_name").asString("");
            String type = item.path("type").asString("");
            JsonNode value = item.path("value");
            String key = "textarea".equals(type) ? "text" : type;
            List<JsonNode> values = byControl.computeIfAbsent(control, k -> new ArrayList<>());
            boolean simple = Set.of("choices", "textarea", "rating", "number", "datetime", "taxonomy").contains(type) && value.has(key);
            scalar.merge(control, simple, Boolean::logicalAnd);
            if (simple && value.get(key).isArray()) value.get(key).forEach(values::add);
            else if (simple) values.add(value.get(key));
            else values.add(value);
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        byControl.forEach((control, values) -> {
            ControlTag tag = config == null ? null : config.control(control).orElse(null);
            boolean single = scalar.get(control) && values.size() == 1 && (tag == null || !tag.multiple());
            if (single) out.put(control, values.getFirst());
            else {
                ArrayNode list = json.createArrayNode();
                values.forEach(list::add);
                out.put(control, list);
            }
        });
        return out;
    }

    /** CSV/TSV header: id, the data keys (the config's fields first), the annotation columns, one per control. */
    public static List<String> columns(List<String> dataKeys, LabelingConfig config) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add("id");
        config.objects().forEach(o -> { if (o.valueField() != null) columns.add(o.valueField()); });
        columns.addAll(dataKeys);
        columns.addAll(ROW_COLUMNS);
        config.controls().forEach(c -> columns.add(c.name()));
        return new ArrayList<>(columns);
    }

    /**
     * One cell: strings as they are, numbers and booleans as text, lists and objects as JSON, missing as empty. Unless
     * {@code raw}, a string a spreadsheet would read as a formula is neutralized ({@link #neutralized}).
     */
    public String cell(JsonNode row, String column, boolean raw) {
        JsonNode v = row.get(column);
        if (v == null || v.isNull() || v.isMissingNode()) return "";
        if (v.isString()) return raw ? v.asString() : neutralized(v.asString());
        if (v.isValueNode()) return v.asString();
        return json.writeValueAsString(v);
    }

    /**
     * CSV/TSV formula injection (OWASP "CSV Injection"): a cell starting with {@code =}, {@code +}, {@code -}, {@code @},
     * a tab or a carriage return is prefixed with a single quote, so that spreadsheets show it as text instead of
     * running it. Numbers are never strings here, so negative numbers stay numbers. The export option {@code rawValues}
     * keeps the values as they are (ADR 0030).
     */
    public static String neutralized(String text) {
        if (text.isEmpty()) return text;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}
