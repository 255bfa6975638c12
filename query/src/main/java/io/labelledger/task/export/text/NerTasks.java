package io.labelledger.task.export.text;

import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.ObjectTag;
import io.labelledger.task.export.ExportQueries.ExportTask;
import io.labelledger.task.read.AnnotationView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads exported tasks of a NER project (a {@code Text} object with a {@code Labels} control on it) as CoNLL 2003
 * lines: the task's text, tagged from the spans of its most recently updated live annotation (ADR 0011).
 */
public final class NerTasks {
    private final JsonMapper json;
    private final String textName;
    private final String textField;
    private final Set<String> controls;

    private NerTasks(JsonMapper json, String textName, String textField, Set<String> controls) {
        this.json = json;
        this.textName = textName;
        this.textField = textField;
        this.controls = Set.copyOf(controls);
    }

    /** Empty unless the config has a Text object (with a value field) that a Labels control labels. */
    public static Optional<NerTasks> of(LabelingConfig config, JsonMapper json) {
        for (ObjectTag o : config.objects()) {
            if (!"Text".equals(o.type()) || o.valueField() == null) continue;
            List<String> controls = config.controls().stream()
                    .filter(c -> "Labels".equals(c.type()) && c.toName().contains(o.name())).map(ControlTag::name).toList();
            if (!controls.isEmpty()) return Optional.of(new NerTasks(json, o.name(), o.valueField(), Set.copyOf(controls)));
        }
        return Optional.empty();
    }

    /** The task's CoNLL lines (with the closing blank line), empty for a task without text. */
    public String conll(ExportTask t) {
        JsonNode text = json.readTree(t.task().data()).path(textField);
        if (!text.isString()) return "";
        return Conll2003.lines(text.asString(), spans(t.annotations(), text.asString().length()));
    }

    List<Conll2003.Span> spans(List<AnnotationView> annotations, int length) {
        Optional<AnnotationView> latest = annotations.stream().max(Comparator.comparing(AnnotationView::updatedAt));
        List<Conll2003.Span> spans = new ArrayList<>();
        if (latest.isEmpty()) return spans;
        for (JsonNode item : json.readTree(latest.get().result())) {
            if (!"labels".equals(item.path("type").asString("")) || !controls.contains(item.path("from_name").asString(""))) continue;
            String to = item.path("to_name").asString(textName);
            if (!textName.equals(to)) continue;
            JsonNode value = item.path("value");
            JsonNode labels = value.path("labels");
            if (!value.path("start").isNumber() || !value.path("end").isNumber() || !labels.isArray() || labels.isEmpty()) continue;
            int start = Math.max(0, value.path("start").asInt());
            int end = Math.min(length, value.path("end").asInt());
            if (end > start) spans.add(new Conll2003.Span(start, end, labels.get(0).asString("")));
        }
        return spans;
    }
}
