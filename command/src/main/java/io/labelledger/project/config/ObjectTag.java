package io.labelledger.project.config;

import java.util.Map;

/**
 * A tag that shows task data (Text, Image, Audio...). {@code valueField} is the task data key of value="$key" (or
 * valueList="$key" for an Image gallery); every attribute is kept as written, unknown ones included.
 */
public record ObjectTag(String name, String type, String valueField, int line, Map<String, String> attributes) {
    public ObjectTag {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public ObjectTag(String name, String type, String valueField, int line) {
        this(name, type, valueField, line, Map.of());
    }

    public String attr(String name) { return attributes.get(name); }

    /** The data field holds the content itself, not a URL to it (Text/HyperText valueType="url" loads it later). */
    public boolean inlineValue() { return !"url".equalsIgnoreCase(attributes.get("valueType")); }
}
