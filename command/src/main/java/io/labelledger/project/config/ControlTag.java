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
 * {@code buckets} the Ranker's Bucket names; {@code optionTags} the Choice/Label tags with all their attributes.
 */
public record ControlTag(String name, String type, List<String> toName, List<String> options, String choice,
                         boolean required, Integer maxRating, int line, Map<String, String> attributes,
                         Map<String, Integer> maxUsages, Set<List<String>> paths, List<String> buckets,
                         List<ConfigOption> optionTags) {
    public ControlTag {
        toName = List.copyOf(toName);
        options = List.copyOf(options);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        maxUsages = maxUsages == null ? Map.of() : Map.copyOf(maxUsages);
        paths = paths == null ? Set.of() : Set.copyOf(paths);
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
        optionTags = optionTags == null ? List.of() : List.copyOf(optionTags);
    }

    public ControlTag(String name, String type, List<String> toName, List<String> options, String choice,
                      boolean required, Integer maxRating, int line) {
        this(name, type, toName, options, choice, required, maxRating, line, Map.of(), Map.of(), Set.of(), List.of(), List.of());
    }

    public String resultType() { return type.toLowerCase(Locale.ROOT); }

    public boolean multiple() { return "multiple".equals(choice); }

    public String attr(String name) { return attributes.get(name); }

    /** Classifications of one region (Choices, TextArea... with perRegion="true") share the region's result id. */
    public boolean perRegion() { return "true".equalsIgnoreCase(attributes.get("perRegion")); }


    // typed views of the attributes that validation and the labeling UI use; the parser checked their format

    /** Number: the smallest value; null when unbounded (or not a Number). */
    public Double min() { return decimal("min"); }

    /** Number: the largest value; null when unbounded (or not a Number). */
    public Double max() { return decimal("max"); }

    /** Number: the allowed increment from min (or 0). */
    public Double step() { return decimal("step"); }

    /** DateTime: the parts shown (date, time, month, year); empty for date and time. */
    public List<String> only() { return DateTimeValue.parts(attributes.get("only")); }

    /** TextArea: how many texts one result may hold; null for no limit. */
    public Integer maxSubmissions() { return whole("maxSubmissions"); }

    /** How often the control's labels may be used per task (each label, unless it has its own); null for no limit. */
    public Integer maxUsagesPerLabel() { return whole("maxUsages"); }

    /** Conditional display: "choice-selected", "region-selected"...; null when always visible. */
    public String visibleWhen() { return attributes.get("visibleWhen"); }

    public String hotkey() { return attributes.get("hotkey"); }

    private Double decimal(String name) {
        String raw = "Number".equals(type) ? attributes.get(name) : null;
        return raw == null ? null : Double.valueOf(raw.strip());
    }

    private Integer whole(String name) {
        String raw = attributes.get(name);
        return raw == null ? null : Integer.valueOf(raw.strip());
    }
}
