package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * taskHistory (issue 10): a task's events in order with their actors, for stepping through its history in the editor;
 * authorized like taskAsOf, blind labeling holds (an annotator sees the import and their own events), nobody sees
 * another person's drafts, and another organization sees nothing.
 */
class TaskHistoryIT extends IntegrationTest {
    static final String HISTORY = "query($id: ID!) { taskHistory(id: $id) { sequence type occurredAt actor { displayName } } }";

    @LocalServerPort
    int port;

    @Test
    void theTaskEventsInOrderWithTheirActorsAsEachMaySeeThem() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        ApiClient rita = ApiClient.signUpWithInvitation(port, "Rita", owner.invite("ANNOTATOR"));
        ApiClient stranger = ApiClient.signUp(port, "Sam");
        String project = owner.createProject("History", ApiClient.TEXT_CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        owner.addProjectMember(project, bob.userId, "ANNOTATOR");
        owner.addProjectMember(project, rita.userId, "REVIEWER");
        owner.importTasks(project, "[{\"text\":\"Dull\"}]", "JSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = owner.firstTask(project);

        // given Ann's draft then her annotation, Bob's annotation, and Rita fixing and accepting Ann's
        ann.graphql().document("mutation($i: SaveDraftInput!) { saveDraft(input: $i) { errors { code } } }")
           .variable("i", Map.of("taskId", task, "result", List.of(ApiClient.choice("Negative")))).execute()
           .path("saveDraft.errors").entityList(Object.class).hasSize(0);
        String annotation = ann.submit(task, List.of(ApiClient.choice("Positive")));
        bob.submit(task, List.of(ApiClient.choice("Negative")));
        rita.graphql().document("mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) { errors { code } } }")
            .variable("i", Map.of("taskId", task, "annotationId", annotation, "decision", "FIX_AND_ACCEPT", "result", List.of(ApiClient.choice("Negative"))))
            .execute().path("reviewAnnotation.errors").entityList(Object.class).hasSize(0);

        // when the owner asks, then every event but Ann's drafts, in order, with who did it
        List<Map<String, Object>> all = history(owner, task);
        assertThat(all).extracting(e -> e.get("type")).containsExactly(
                "TaskImported", "AnnotationSubmitted", "AnnotationSubmitted", "AnnotationUpdated", "AnnotationReviewed");
        assertThat(all).extracting(TaskHistoryIT::actor).containsExactly("Olivia", "Ann", "Bob", "Rita", "Rita");
        assertThat(all).extracting(e -> ((Number) e.get("sequence")).intValue()).isSorted();
        assertThat(all).extracting(e -> (String) e.get("occurredAt")).isSorted();

        // an annotator (blind labeling): the import and her own events, her draft included
        assertThat(history(ann, task)).extracting(e -> e.get("type"))
                .containsExactlyInAnyOrder("TaskImported", "DraftSaved", "AnnotationSubmitted", "DraftDiscarded");
        assertThat(history(bob, task)).extracting(e -> e.get("type")).containsExactly("TaskImported", "AnnotationSubmitted");

        // another organization: nothing, as for an unknown or malformed id
        assertThat(history(stranger, task)).isEmpty();
        assertThat(history(owner, "not-a-uuid")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> history(ApiClient who, String task) {
        Map<String, Object> answer = who.post(HISTORY, Map.of("id", task));
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        return (List<Map<String, Object>>) ((Map<String, Object>) answer.get("data")).get("taskHistory");
    }

    static Object actor(Map<String, Object> event) {
        return event.get("actor") == null ? null : ((Map<?, ?>) event.get("actor")).get("displayName");
    }
}
