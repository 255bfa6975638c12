package io.labelledger.project.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tag that produces results (Choices, Labels, RectangleLabels, TextArea, Rating...).
 * {@code options} are the values of its Choice/Label children in config order; {@code resultType} is the result
 * item "type". {@code attributes} keeps every attribute as written (unknown ones included); {@code maxUsages} holds
 * the per-value limits (a Label's own maxUsages, else its control's); {@code paths} the Taxonomy's valid paths;
 * {@code buckets} the Ranker's Bucket names.
 */
public record ControlTag(String name, String type, List<String> toName, List<String> options, String choice,
                         boolean required, Integer maxRating, int line, Map<String, String> attributes,
                         Map<String, Integer> maxUsages, Set<List<String>> paths, List<String> buckets) {
    public ControlTag {
        toName = List.copyOf(toName);
        options = List.copyOf(options);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        maxUsages = maxUsages == null ? Map.of() : Map.copyOf(maxUsages);
        paths = paths == null ? Set.of() : Set.copyOf(paths);
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    public ControlTag(String name, String type, List<String> toName, List<String> options, String choice,
                      boolean required, Integer maxRating, int line) {
        this(name, type, toName, options, choice, required, maxRating, line, Map.of(), Map.of(), Set.of(), List.of());
    }

    public String resultType() { return type.toLowerCase(Locale.ROOT); }

    public boolean multiple() { return "multiple".equals(choice); }

    public String attr(String name) { return attributes.get(name); }

    /** Classifications of one region (Choices, TextArea... with perRegion="true") share the region's result id. */
    public boolean perRegion() { return "true".equalsIgnoreCase(attributes.get("perRegion")); }

}
