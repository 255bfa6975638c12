package io.labelledger.project.config;

import java.util.List;

/** A new labeling config would drop controls or values that live annotations use ("control" or "control:value"). */
public class LabelsInUse extends InvalidLabelConfig {
    private final List<String> labels;

    public LabelsInUse(List<String> labels) {
        super("The new config removes labels that annotations use: " + String.join(", ", labels));
        this.labels = List.copyOf(labels);
    }

    public List<String> labels() { return labels; }
}
