package io.labelledger.quality.metrics;

import java.util.Map;

/** A project's agreement settings: per control name, its metric and weights; controls not listed use the defaults. */
public record AgreementSettings(Map<String, ControlSettings> controls) {
    public static final AgreementSettings DEFAULTS = new AgreementSettings(Map.of());

    public AgreementSettings {
        controls = controls == null ? Map.of() : Map.copyOf(controls);
    }

    public ControlSettings control(String fromName) { return controls.getOrDefault(fromName, ControlSettings.DEFAULT); }
}
