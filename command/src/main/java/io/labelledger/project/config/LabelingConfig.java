package io.labelledger.project.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed, validated Label Studio labeling config: the schema of every result in its project. Lookups by name and
 * the option sets are built once here, because results are validated against it on every submit.
 */
public final class LabelingConfig {
    private final String xml;
    private final ConfigNode root;
    private final List<ObjectTag> objects;
    private final List<ControlTag> controls;
    private final Set<String> relationLabels;
    private final Map<String, ControlTag> controlsByName = new HashMap<>();
    private final Map<String, ObjectTag> objectsByName = new HashMap<>();
    private final Map<String, Set<String>> optionSets = new HashMap<>();

    /**
     * @param relationLabels the values of the unnamed {@code <Relations>} tag's {@code <Relation>} children, or null
     *                       when the config has no such tag (relation results then carry no labels)
     */
    public LabelingConfig(String xml, ConfigNode root, List<ObjectTag> objects, List<ControlTag> controls, Set<String> relationLabels) {
        this.xml = xml;
        this.root = root;
        this.objects = List.copyOf(objects);
        this.controls = List.copyOf(controls);
        this.relationLabels = relationLabels == null ? null : Set.copyOf(relationLabels);
        for (ObjectTag o : this.objects) objectsByName.putIfAbsent(o.name(), o);
        for (ControlTag c : this.controls) {
            controlsByName.putIfAbsent(c.name(), c);
            optionSets.put(c.name(), new HashSet<>(c.options()));
        }
    }

    public LabelingConfig(String xml, ConfigNode root, List<ObjectTag> objects, List<ControlTag> controls) {
        this(xml, root, objects, controls, null);
    }

    public String xml() { return xml; }

    public ConfigNode root() { return root; }

    public List<ObjectTag> objects() { return objects; }

    public List<ControlTag> controls() { return controls; }

    /** The labels a relation may carry; empty Optional when the config declares no {@code <Relations>}. */
    public Optional<Set<String>> relationLabels() { return Optional.ofNullable(relationLabels); }

    public Optional<ControlTag> control(String name) { return Optional.ofNullable(controlsByName.get(name)); }

    public Optional<ObjectTag> object(String name) { return Optional.ofNullable(objectsByName.get(name)); }

    /** Whether {@code value} is one of the control's Choice/Label values. */
    public boolean offers(ControlTag control, String value) {
        Set<String> set = optionSets.get(control.name());
        return set != null ? set.contains(value) : control.options().contains(value);
    }

    /** The task data keys the config reads ($text, $image...). */
    public Set<String> dataFields() {
        return java.util.Collections.unmodifiableSet(objects.stream().map(ObjectTag::valueField).filter(f -> f != null)
                .collect(Collectors.<String, Set<String>>toCollection(LinkedHashSet::new)));
    }

    @Override
    public String toString() { return "LabelingConfig" + controlsByName.keySet(); }
}
