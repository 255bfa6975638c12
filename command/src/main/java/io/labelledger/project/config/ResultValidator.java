package io.labelledger.project.config;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a Label Studio result (a list of result items) against a labeling config, so that no malformed annotation
 * enters the event store. Errors name the item: {@code result[2].value.choices}.
 */
public final class ResultValidator {
    private static final int MAX_ITEMS = 10_000;

    private ResultValidator() {}

    public static void validate(LabelingConfig config, JsonNode result, String field) {
        if (result == null || !result.isArray()) throw new InvalidResult(List.of(field), "The result must be a list of result items");
        if (result.size() > MAX_ITEMS) throw new InvalidResult(List.of(field), "The result has more than " + MAX_ITEMS + " items");
        Set<String> used = new HashSet<>();
        for (int i = 0; i < result.size(); i++) {
            JsonNode item = result.get(i);
            String at = field + "[" + i + "]";
            if (!item.isObject()) throw new InvalidResult(List.of(field, String.valueOf(i)), at + " must be an object");
            String type = text(item, "type", at, field, i);
            // relations point at regions (from_id/to_id, no from_name/to_name); checked with regions in the labeling config issue
            if ("relation".equals(type)) continue;
            String fromName = text(item, "from_name", at, field, i);
            String toName = text(item, "to_name", at, field, i);
            String index = String.valueOf(i);
            ControlTag control = config.control(fromName).orElseThrow(() -> new InvalidResult(List.of(field, index, "from_name"),
                    at + ".from_name \"" + fromName + "\" is not a control of the labeling config"));
            if (!control.toName().contains(toName)) {
                throw new InvalidResult(List.of(field, String.valueOf(i), "to_name"),
                        at + ".to_name \"" + toName + "\" is not a target of control \"" + fromName + "\"");
            }
            if (!control.resultType().equals(type)) {
                throw new InvalidResult(List.of(field, String.valueOf(i), "type"),
                        at + ".type \"" + type + "\" does not match control \"" + fromName + "\" of type " + control.resultType());
            }
            JsonNode value = item.get("value");
            if (value == null || !value.isObject()) {
                throw new InvalidResult(List.of(field, String.valueOf(i), "value"), at + ".value must be an object");
            }
            checkValue(control, value, at, List.of(field, String.valueOf(i), "value"));
            used.add(fromName);
        }
        for (ControlTag control : config.controls()) {
            if (control.required() && !used.contains(control.name())) {
                throw new InvalidResult(List.of(field), "Control \"" + control.name() + "\" is required");
            }
        }
    }

    private static void checkValue(ControlTag control, JsonNode value, String at, List<String> path) {
        if (!control.options().isEmpty()) {
            String key = control.resultType();
            JsonNode chosen = value.get(key);
            if (chosen == null || !chosen.isArray() || chosen.isEmpty()) {
                throw new InvalidResult(append(path, key), at + ".value." + key + " must be a non-empty list");
            }
            if ("Choices".equals(control.type()) && !control.multiple() && chosen.size() > 1) {
                throw new InvalidResult(append(path, key), at + ".value.choices allows one choice for control \"" + control.name() + "\"");
            }
            List<String> unknown = new ArrayList<>();
            for (JsonNode v : chosen) {
                // Taxonomy values are paths (lists); each element of a path must be a known option.
                if (v.isArray()) {
                    for (JsonNode p : v) if (!p.isString() || !control.options().contains(p.asString())) unknown.add(p.toString());
                } else if (!v.isString() || !control.options().contains(v.asString())) {
                    unknown.add(v.isString() ? v.asString() : v.toString());
                }
            }
            if (!unknown.isEmpty()) {
                throw new InvalidResult(append(path, key), at + ".value." + key + " has values not in the config: " + unknown);
            }
        }
        if ("Rating".equals(control.type())) {
            JsonNode rating = value.get("rating");
            if (rating == null || !rating.isIntegralNumber() || !rating.canConvertToInt() || rating.asInt() < 1 || rating.asInt() > control.maxRating()) {
                throw new InvalidResult(append(path, "rating"), at + ".value.rating must be a whole number from 1 to " + control.maxRating());
            }
        }
        if ("TextArea".equals(control.type())) {
            JsonNode text = value.get("text");
            if (text == null || !text.isArray()) throw new InvalidResult(append(path, "text"), at + ".value.text must be a list of strings");
        }
    }

    private static String text(JsonNode item, String name, String at, String field, int index) {
        JsonNode v = item.get(name);
        if (v == null || !v.isString() || v.asString().isEmpty()) {
            throw new InvalidResult(List.of(field, String.valueOf(index), name), at + "." + name + " is required");
        }
        return v.asString();
    }

    private static List<String> append(List<String> path, String last) {
        List<String> p = new ArrayList<>(path);
        p.add(last);
        return p;
    }
}
