package io.labelledger.project.write;

import io.labelledger.project.api.QualitySettings;
import io.labelledger.project.api.QualitySettings.ControlQuality;
import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.quality.metrics.ControlKind;
import io.labelledger.quality.metrics.MetricSpec;
import io.labelledger.shared.ValidationFailed;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Agreement settings against the project's labeling config (ADR 0049): every control exists and can be scored, its
 * metric is one of its control type's (docs/quality-metrics.md), parameters are that metric's, weights are finite and
 * 0..100, weighted labels are the control's own. Each refusal names its field (settings.<control>.<part>).
 */
final class QualitySettingsRules {
    static final int MAX_CONTROLS = 200;
    static final double MAX_WEIGHT = 100;

    private QualitySettingsRules() {}

    static QualitySettings checked(QualitySettings settings, LabelingConfig config) {
        if (settings == null) throw new ValidationFailed("settings", "Give the agreement settings");
        if (settings.controls().size() > MAX_CONTROLS) {
            throw new ValidationFailed("settings", "At most " + MAX_CONTROLS + " controls");
        }
        settings.controls().forEach((name, c) -> check(name, c, config));
        return settings;
    }

    private static void check(String name, ControlQuality c, LabelingConfig config) {
        String field = "settings." + name;
        if (c == null) throw new ValidationFailed(field, "Give the settings of control " + name);
        ControlTag tag = config.control(name).orElseThrow(() -> new ValidationFailed(field, "The labeling config has no control named " + name));
        ControlKind kind = ControlKind.ofResultType(tag.type())
                .orElseThrow(() -> new ValidationFailed(field, tag.type() + " controls have no agreement metric"));
        if (c.metric() == null) {
            if (!c.parameters().isEmpty()) throw new ValidationFailed(field + ".parameters", "Choose the metric the parameters are for");
        } else {
            MetricSpec metric = kind.metrics().stream().filter(m -> m.name().equals(c.metric())).findFirst()
                    .orElseThrow(() -> new ValidationFailed(field + ".metric", "A " + tag.type() + " control is scored by one of: "
                            + kind.metrics().stream().map(MetricSpec::name).collect(Collectors.joining(", "))));
            for (Map.Entry<String, Double> p : c.parameters().entrySet()) {
                if (!metric.params().containsKey(p.getKey())) {
                    throw new ValidationFailed(field + ".parameters", c.metric() + " has no parameter " + p.getKey()
                            + (metric.params().isEmpty() ? "" : " (it has: " + String.join(", ", metric.params().keySet()) + ")"));
                }
                double v = p.getValue() == null ? Double.NaN : p.getValue();
                boolean threshold = p.getKey().endsWith("_threshold");
                if (!Double.isFinite(v) || v < 0 || (threshold && v > 1) || (!threshold && v <= 0)) {
                    throw new ValidationFailed(field + ".parameters", p.getKey() + (threshold ? " is between 0 and 1" : " is above 0"));
                }
            }
        }
        weight(field + ".weight", c.weight());
        for (Map.Entry<String, Double> w : c.labelWeights().entrySet()) {
            if (!config.offers(tag, w.getKey())) throw new ValidationFailed(field + ".labelWeights", name + " has no label " + w.getKey());
            weight(field + ".labelWeights", w.getValue() == null ? Double.NaN : w.getValue());
        }
    }

    private static void weight(String field, double w) {
        if (!Double.isFinite(w) || w < 0 || w > MAX_WEIGHT) throw new ValidationFailed(field, "A weight is between 0 and " + (int) MAX_WEIGHT);
    }
}
