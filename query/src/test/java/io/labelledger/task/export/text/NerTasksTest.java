package io.labelledger.task.export.text;

import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.ObjectTag;
import io.labelledger.task.export.ExportQueries.ExportTask;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.TaskView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NerTasksTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
    static final LabelingConfig NER = new LabelingConfig("<View/>", null,
            List.of(new ObjectTag("text", "Text", "text", 1)),
            List.of(new ControlTag("label", "Labels", List.of("text"), List.of("PER", "LOC"), null, false, null, 2),
                    new ControlTag("sentiment", "Choices", List.of("text"), List.of("Pos"), null, false, null, 3)));

    static ExportTask task(String data, String... results) {
        TaskView view = new TaskView("t", "p", 1, data, "[]", results.length, 0, 0, results.length > 0, T, T);
        List<AnnotationView> annotations = new java.util.ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            annotations.add(new AnnotationView("a" + i, "t", "u", results[i], null, T, T.plusSeconds(i)));
        }
        return new ExportTask(view, annotations);
    }

    static String span(int start, int end, String label) {
        return "{\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"start\":" + start + ",\"end\":" + end
               + ",\"text\":\"x\",\"labels\":[\"" + label + "\"]}}";
    }

    @Test
    void needsATextObjectWithLabels() {
        assertThat(NerTasks.of(NER, JSON)).isPresent();
        LabelingConfig choicesOnly = new LabelingConfig("<View/>", null, NER.objects(), List.of(NER.controls().get(1)));
        assertThat(NerTasks.of(choicesOnly, JSON)).isEmpty();
        LabelingConfig image = new LabelingConfig("<View/>", null, List.of(new ObjectTag("text", "Image", "image", 1)), NER.controls());
        assertThat(NerTasks.of(image, JSON)).isEmpty();
    }

    @Test
    void usesTheLatestAnnotationsSpansOfTheLabelsControl() {
        NerTasks ner = NerTasks.of(NER, JSON).orElseThrow();
        String older = "[" + span(0, 3, "LOC") + "]";
        String latest = "[" + span(0, 3, "PER") + ","
                        + "{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"Pos\"]}},"
                        + span(12, 99, "LOC") + "]";
        assertThat(ner.conll(task("{\"text\":\"Ann visited Rome\"}", older, latest)))
                .isEqualTo("Ann -X- _ B-PER\nvisited -X- _ O\nRome -X- _ B-LOC\n\n");
        assertThat(ner.conll(task("{\"text\":\"no labels\"}"))).isEqualTo("no -X- _ O\nlabels -X- _ O\n\n");
        assertThat(ner.conll(task("{\"text\":42}"))).isEmpty();
        assertThat(ner.conll(task("{}"))).isEmpty();
    }
}
