package io.labelledger.project.config;

import io.labelledger.project.api.ProjectId;

import java.util.List;

/**
 * Which labels the live annotations of a project use, as the write side needs it to refuse a config change that would
 * orphan them (ADR 0008). Implementations read state kept in the same transaction as the annotation events.
 */
@FunctionalInterface
public interface LabelUsage {
    /**
     * The labels used by live annotations that {@code config} no longer offers, as "control" (the control is gone)
     * or "control:value" (the value is gone), sorted. Empty when the change orphans nothing.
     */
    List<String> orphanedBy(ProjectId projectId, LabelingConfig config);

    /** The labels (control, value) a result uses; value is "" for controls without options (TextArea, Rating...). */
    static java.util.Set<java.util.Map.Entry<String, String>> usedBy(tools.jackson.databind.JsonNode result) {
        java.util.Set<java.util.Map.Entry<String, String>> used = new java.util.LinkedHashSet<>();
        if (result == null || !result.isArray()) return used;
        for (tools.jackson.databind.JsonNode item : result) {
            if (!item.isObject() || "relation".equals(item.path("type").asString(""))) continue;
            String control = item.path("from_name").asString("");
            if (control.isEmpty()) continue;
            String type = item.path("type").asString("");
            tools.jackson.databind.JsonNode values = item.path("value").path(type);
            boolean any = false;
            if (values.isArray()) {
                for (tools.jackson.databind.JsonNode v : values) {
                    if (v.isString()) { used.add(java.util.Map.entry(control, v.asString())); any = true; }
                    else if (v.isArray()) for (tools.jackson.databind.JsonNode p : v) {
                        if (p.isString()) { used.add(java.util.Map.entry(control, p.asString())); any = true; }
                    }
                }
            }
            if (!any) used.add(java.util.Map.entry(control, ""));
        }
        return used;
    }

    /** The used labels that the config does not offer. */
    static List<String> missingFrom(LabelingConfig config, java.util.Collection<java.util.Map.Entry<String, String>> used) {
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (var label : used) {
            var control = config.control(label.getKey());
            if (control.isEmpty()) missing.add(label.getKey());
            else if (!label.getValue().isEmpty() && !control.get().options().isEmpty() && !control.get().options().contains(label.getValue())) {
                missing.add(label.getKey() + ":" + label.getValue());
            }
        }
        return List.copyOf(missing);
    }
}
