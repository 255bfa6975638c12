package io.labelledger.quality.metrics;

import java.util.Map;

/**
 * How one control (by its {@code from_name}) counts in a task's agreement: its metric (null: the default of its
 * control type), its weight among the task's controls (0 leaves it out, Label Studio's "overall" weight) and the
 * weights of its labels (a label not listed weighs 1; 0 leaves its regions or choices out).
 */
public record ControlSettings(MetricSpec metric, double weight, Map<String, Double> labelWeights) {
    public static final ControlSettings DEFAULT = new ControlSettings(null, 1, Map.of());

    public ControlSettings {
        if (!(weight >= 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("weight must be 0 or more");
        labelWeights = labelWeights == null ? Map.of() : Map.copyOf(labelWeights);
        labelWeights.values().forEach(w -> {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("label weights must be 0 or more");
        });
    }

    public double labelWeight(String label) { return labelWeights.getOrDefault(label, 1.0); }
}
