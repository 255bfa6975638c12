package io.labelledger.quality.metrics;

import java.util.Map;

/**
 * A metric by name with its parameters (e.g. {@code f1} with {@code iou_threshold = 0.5}). Unknown names are refused
 * where settings are validated ({@link ControlKind#metrics()}); a missing parameter takes its documented default.
 */
public record MetricSpec(String name, Map<String, Double> params) {
    public MetricSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static MetricSpec of(String name) { return new MetricSpec(name, Map.of()); }

    public static MetricSpec of(String name, String param, double value) { return new MetricSpec(name, Map.of(param, value)); }

    public double param(String key, double fallback) {
        Double v = params.get(key);
        return v == null ? fallback : v;
    }
}
