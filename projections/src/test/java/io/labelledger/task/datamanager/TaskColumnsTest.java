package io.labelledger.task.datamanager;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TaskColumnsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) { return JSON.readTree(text); }

    @Test
    void labelValuesComePerControlFromEveryKindOfResult() {
        JsonNode result = json("""
                [{"from_name":"sentiment","to_name":"text","type":"choices","value":{"choices":["Positive","Négatif"]}},
                 {"from_name":"box","to_name":"img","type":"rectanglelabels","value":{"x":1,"y":2,"width":3,"height":4,"rectanglelabels":["Car"]}},
                 {"from_name":"ner","to_name":"text","type":"labels","value":{"start":0,"end":4,"text":"Anna","labels":["PER"]}},
                 {"from_name":"tax","to_name":"text","type":"taxonomy","value":{"taxonomy":[["Animal","Cat"],["Plant"]]}},
                 {"from_name":"stars","to_name":"text","type":"rating","value":{"rating":4}},
                 {"from_name":"note","to_name":"text","type":"textarea","value":{"text":["looks fine"]}},
                 {"to_name":"text","type":"choices","value":{"choices":["no control name"]}}]""");

        assertThat(TaskColumns.labelValues(result)).isEqualTo(Map.of(
                "sentiment", Set.of("Négatif", "Positive"), "box", Set.of("Car"), "ner", Set.of("PER"),
                "tax", Set.of("Animal / Cat", "Plant"), "stars", Set.of("4"), "note", Set.of("looks fine")));
    }

    @Test
    void valuesOfSeveralAnnotationsMergeSortedAndDistinct() {
        var into = new java.util.TreeMap<String, java.util.SortedSet<String>>();
        TaskColumns.addLabelValues(json("[{\"from_name\":\"c\",\"type\":\"choices\",\"value\":{\"choices\":[\"b\",\"a\"]}}]"), into);
        TaskColumns.addLabelValues(json("[{\"from_name\":\"c\",\"type\":\"choices\",\"value\":{\"choices\":[\"a\",\"c\"]}}]"), into);
        assertThat(into.get("c")).containsExactly("a", "b", "c");
    }

    @Test
    void notAResultGivesNoValues() {
        assertThat(TaskColumns.labelValues(json("{}"))).isEmpty();
        assertThat(TaskColumns.labelValues(null)).isEmpty();
    }

    @Test
    void dataKeysAreFlattenedWithTheirKinds() {
        JsonNode data = json("""
                {"text":"Grüße","meta":{"source":"web","score":0.5,"deep":{"a":{"b":{"c":1}}}},"tags":["x"],"ok":true,"gone":null}""");

        assertThat(TaskColumns.dataKeys(data)).containsExactly(
                new TaskColumns.DataKey(List.of("text"), "string"),
                new TaskColumns.DataKey(List.of("meta"), "object"),
                new TaskColumns.DataKey(List.of("meta", "source"), "string"),
                new TaskColumns.DataKey(List.of("meta", "score"), "number"),
                new TaskColumns.DataKey(List.of("meta", "deep"), "object"),
                new TaskColumns.DataKey(List.of("meta", "deep", "a"), "object"),
                // depth is bounded: meta.deep.a.b is the last recorded level
                new TaskColumns.DataKey(List.of("meta", "deep", "a", "b"), "object"),
                new TaskColumns.DataKey(List.of("tags"), "array"),
                new TaskColumns.DataKey(List.of("ok"), "boolean"));
    }
}
