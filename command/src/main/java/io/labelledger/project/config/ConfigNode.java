package io.labelledger.project.config;

import java.util.List;
import java.util.Map;

/** One XML element of a labeling config, as written (all attributes kept, unknown ones included). */
public record ConfigNode(String tag, Map<String, String> attributes, List<ConfigNode> children, int line) {
    public ConfigNode {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    public String attr(String name) { return attributes.get(name); }
}
