package io.labelledger.project.config;

import java.util.Map;

/**
 * One {@code <Choice>}, {@code <Label>} or {@code <Relation>} of a control: its value (or alias when it has none) and
 * every attribute as written (background, hotkey, maxUsages, selected, hint... unknown ones included).
 */
public record ConfigOption(String tag, String value, int line, Map<String, String> attributes) {
    public ConfigOption {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public String alias() { return attributes.get("alias"); }

    /** The label's colour, as written (a CSS colour). */
    public String background() { return attributes.get("background"); }

    public String hotkey() { return attributes.get("hotkey"); }

    /** How often this label may be used per task; null for no limit of its own. */
    public Integer maxUsages() {
        String raw = attributes.get("maxUsages");
        return raw == null ? null : Integer.valueOf(raw.strip()); // the parser refused anything else
    }
}
