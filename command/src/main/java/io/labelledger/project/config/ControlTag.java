package io.labelledger.project.config;

import java.util.List;

/**
 * A tag that produces results (Choices, Labels, RectangleLabels, TextArea, Rating...).
 * {@code options} are the values of its Choice/Label children; {@code resultType} is the result item "type".
 */
public record ControlTag(String name, String type, List<String> toName, List<String> options, String choice,
                         boolean required, Integer maxRating, int line) {
    public ControlTag {
        toName = List.copyOf(toName);
        options = List.copyOf(options);
    }

    public String resultType() { return type.toLowerCase(java.util.Locale.ROOT); }

    public boolean multiple() { return "multiple".equals(choice); }
}
