package io.labelledger.project.api;

import io.labelledger.quality.metrics.AgreementSettings;
import io.labelledger.quality.metrics.ControlSettings;
import io.labelledger.quality.metrics.MetricSpec;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a project scores agreement (issue 13, ADR 0049), Label Studio Enterprise's "agreement metric" and "custom label
 * weights": per control (its name in the labeling config) the metric and its parameters (metric null: the control
 * type's default; a parameter left out: the metric's default), the control's weight among a task's controls (0 leaves
 * it out) and its labels' weights (a label not listed weighs 1; 0 leaves its regions or choices out). Controls not
 * listed score with the defaults. The whole value travels in {@link QualitySettingsChanged}, so that a rebuild scores
 * every annotation with the settings that held when it was scored.
 */
public record QualitySettings(Map<String, ControlQuality> controls) {
    public static final QualitySettings DEFAULTS = new QualitySettings(Map.of());

    public QualitySettings {
        controls = controls == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(controls));
    }

    public record ControlQuality(String metric, Map<String, Double> parameters, double weight, Map<String, Double> labelWeights) {
        public ControlQuality {
            parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
            labelWeights = labelWeights == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labelWeights));
        }
    }

    /** The metrics library's view of these settings. */
    public AgreementSettings toAgreementSettings() {
        Map<String, ControlSettings> out = new HashMap<>();
        controls.forEach((name, c) -> out.put(name, new ControlSettings(
                c.metric() == null ? null : new MetricSpec(c.metric(), c.parameters()), c.weight(), c.labelWeights())));
        return new AgreementSettings(out);
    }
}
