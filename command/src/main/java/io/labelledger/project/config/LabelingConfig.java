package io.labelledger.project.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A parsed, validated Label Studio labeling config: the schema of every result in its project. */
public record LabelingConfig(String xml, ConfigNode root, List<ObjectTag> objects, List<ControlTag> controls) {
    public LabelingConfig {
        objects = List.copyOf(objects);
        controls = List.copyOf(controls);
    }

    public Optional<ControlTag> control(String name) {
        return controls.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The task data keys the config reads ($text, $image...). */
    public Set<String> dataFields() {
        return objects.stream().map(ObjectTag::valueField).filter(f -> f != null).collect(Collectors.toUnmodifiableSet());
    }
}
