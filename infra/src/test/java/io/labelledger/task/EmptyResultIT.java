package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: the server accepted {@code []} as an annotation's result (on submit and on update). */
class EmptyResultIT extends IntegrationTest {
    static final Map<String, Object> POSITIVE = Map.of("from_name", "sentiment", "to_name", "text", "type", "choices",
            "value", Map.of("choices", List.of("Positive")));

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void anEmptyResultIsRefusedOnSubmitAndOnUpdateAndNothingIsLost() {
        ApiClient ann = ApiClient.signUp(port, "Ann");
        String project = ann.createProject("Empty", ApiClient.TEXT_CONFIG);
        ann.importTasks(project, "{\"text\":\"one\"}\n", "NDJSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = ann.graphql().document("query($p: ID!) { project(id: $p) { tasks(first: 1) { edges { node { id } } } } }")
                         .variable("p", project).execute().path("project.tasks.edges[0].node.id").entity(String.class).get();

        // submit []: refused with EMPTY_RESULT on "result", no annotation
        Map<String, Object> submitted = (Map<String, Object>) ((Map<String, Object>) ann.post(
                "mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code field } } }",
                Map.of("i", Map.of("taskId", task, "result", List.of()))).get("data")).get("submitAnnotation");
        assertThat(submitted.get("annotation")).isNull();
        assertThat(submitted.get("errors")).isEqualTo(List.of(Map.of("code", "EMPTY_RESULT", "field", List.of("result"))));

        // a real annotation, then an update to []: refused, the annotation keeps its result
        String annotation = ann.graphql().document("mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }")
                               .variable("i", Map.of("taskId", task, "result", List.of(POSITIVE))).execute()
                               .path("submitAnnotation.errors").entityList(Object.class).hasSize(0)
                               .path("submitAnnotation.annotation.id").entity(String.class).get();
        Map<String, Object> updated = (Map<String, Object>) ((Map<String, Object>) ann.post(
                "mutation($i: UpdateAnnotationInput!) { updateAnnotation(input: $i) { annotation { id } errors { code field } } }",
                Map.of("i", Map.of("taskId", task, "annotationId", annotation, "result", List.of()))).get("data")).get("updateAnnotation");
        assertThat(updated.get("annotation")).isNull();
        assertThat(updated.get("errors")).isEqualTo(List.of(Map.of("code", "EMPTY_RESULT", "field", List.of("result"))));
        ann.graphql().document("query($id: ID!) { task(id: $id) { annotations { id result } } }").variable("id", task).execute()
           .path("task.annotations[*].id").entityList(String.class).containsExactly(annotation)
           .path("task.annotations[0].result[0].value.choices[0]").entity(String.class).isEqualTo("Positive");
    }
}
