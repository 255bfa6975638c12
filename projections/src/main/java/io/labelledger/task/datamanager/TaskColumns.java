package io.labelledger.task.datamanager;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the Data Manager filters on, read from events' JSON: the label values of annotation results per control, and
 * the flattened keys of task data. Pure functions, sorted output: a rebuild writes exactly the same rows.
 */
public final class TaskColumns {
    /** Nested data deeper than this is one "object" column: tasks may carry large documents. */
    static final int MAX_DEPTH = 4;
    /** Keys recorded per task at most (the discovered columns, not the data: a filter still reads any path). */
    static final int MAX_KEYS = 200;

    private TaskColumns() {}

    /** A data field of a project: its path from the data's root and the JSON kind seen there. */
    public record DataKey(List<String> path, String kind) {}

    /**
     * Label values per control name ({@code from_name}) in Label Studio results: choices, every *labels list
     * (labels, rectanglelabels...), taxonomy paths (joined with " / "), ratings and numbers, TextArea texts. Region
     * geometry and the spans' own text are not labels.
     */
    public static void addLabelValues(JsonNode result, SortedMap<String, SortedSet<String>> into) {
        if (result == null || !result.isArray()) return;
        for (JsonNode item : result) {
            JsonNode from = item.get("from_name");
            JsonNode value = item.get("value");
            if (from == null || !from.isString() || value == null || !value.isObject()) continue;
            String type = item.hasNonNull("type") ? item.get("type").asString() : "";
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                String key = e.getKey();
                boolean label = key.equals("choices") || key.endsWith("labels") || key.equals("taxonomy") || key.equals("rating")
                        || key.equals("number") || key.equals("datetime") || (key.equals("text") && type.equals("textarea"));
                if (!label) continue;
                SortedSet<String> values = into.computeIfAbsent(from.asString(), k -> new TreeSet<>());
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    for (JsonNode element : v) addScalar(element, values);
                } else {
                    addScalar(v, values);
                }
            }
        }
    }

    public static SortedMap<String, SortedSet<String>> labelValues(JsonNode result) {
        SortedMap<String, SortedSet<String>> values = new TreeMap<>();
        addLabelValues(result, values);
        return values;
    }

    private static void addScalar(JsonNode v, SortedSet<String> into) {
        if (v.isString() || v.isNumber() || v.isBoolean()) {
            into.add(v.asString());
        } else if (v.isArray()) { // a taxonomy path
            List<String> parts = new ArrayList<>();
            for (JsonNode part : v) if (part.isString() || part.isNumber()) parts.add(part.asString());
            if (!parts.isEmpty()) into.add(String.join(" / ", parts));
        }
    }

    /** The flattened keys of task data with their kinds, in document order (objects and their nested keys both). */
    public static List<DataKey> dataKeys(JsonNode data) {
        List<DataKey> keys = new ArrayList<>();
        if (data != null && data.isObject()) collect(data, new ArrayList<>(), keys);
        return keys;
    }

    private static void collect(JsonNode node, List<String> path, List<DataKey> keys) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (keys.size() >= MAX_KEYS) return;
            JsonNode v = e.getValue();
            String kind = kindOf(v);
            if (kind == null) continue;
            List<String> at = new ArrayList<>(path);
            at.add(e.getKey());
            keys.add(new DataKey(List.copyOf(at), kind));
            if (v.isObject() && at.size() < MAX_DEPTH) collect(v, at, keys);
        }
    }

    static String kindOf(JsonNode v) {
        if (v.isString()) return "string";
        if (v.isNumber()) return "number";
        if (v.isBoolean()) return "boolean";
        if (v.isArray()) return "array";
        if (v.isObject()) return "object";
        return null; // null values say nothing about the field
    }
}
