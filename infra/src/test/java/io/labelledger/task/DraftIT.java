package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drafts over GraphQL (issue 10, ADR 0032): saved, read back after a reload, the same content saved again records
 * nothing, only its author reads it, a submit discards it, an oversized one is refused with DRAFT_TOO_LARGE, and the
 * audit log shows draft saves coalesced.
 */
class DraftIT extends IntegrationTest {
    static final Map<String, Object> UNDECIDED = choice("Undecided"); // not in the config: a draft is not validated
    static final Map<String, Object> POSITIVE = choice("Positive");

    static final String SAVE = """
            mutation($i: SaveDraftInput!) { saveDraft(input: $i) {
              draft { taskId result leadTimeSeconds savedAt } task { id } errors { code field } } }""";
    static final String MY_DRAFT = "query($id: ID!) { task(id: $id) { myDraft { taskId result leadTimeSeconds savedAt } } }";

    @LocalServerPort
    int port;

    @Test
    void aDraftIsKeptForItsAuthorOnlyAndASubmitDiscardsIt() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        String project = owner.createProject("Drafts", ApiClient.TEXT_CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        owner.addProjectMember(project, bob.userId, "ANNOTATOR");
        owner.importTasks(project, "{\"text\":\"Great\"}\n", "NDJSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = owner.firstTask(project);

        // Ann saves work in progress (a label the config does not know: drafts are not validated)
        Map<String, Object> saved = payload(ann.post(SAVE, Map.of("i", Map.of("taskId", task, "result", List.of(UNDECIDED),
                "leadTimeSeconds", 4.5))), "saveDraft");
        assertThat(saved.get("errors")).isEqualTo(List.of());
        Map<?, ?> draft = (Map<?, ?>) saved.get("draft");
        assertThat(draft.get("result")).isEqualTo(List.of(UNDECIDED));
        assertThat(draft.get("leadTimeSeconds")).isEqualTo(4.5);

        // a reload shows the same draft
        assertThat(myDraft(ann, task)).isEqualTo(draft);

        // autosave of the same content records nothing: the draft keeps its time
        Map<String, Object> again = payload(ann.post(SAVE, Map.of("i", Map.of("taskId", task, "result", List.of(UNDECIDED),
                "leadTimeSeconds", 9.0))), "saveDraft");
        assertThat(again.get("errors")).isEqualTo(List.of());
        assertThat(((Map<?, ?>) again.get("draft")).get("savedAt")).isEqualTo(draft.get("savedAt"));
        // a change replaces it
        Map<String, Object> changed = payload(ann.post(SAVE, Map.of("i", Map.of("taskId", task, "result", List.of(POSITIVE),
                "leadTimeSeconds", 9.0))), "saveDraft");
        assertThat(((Map<?, ?>) changed.get("draft")).get("result")).isEqualTo(List.of(POSITIVE));

        // nobody else reads it: Bob (same project) and the Owner see no draft of theirs
        assertThat(myDraft(bob, task)).isNull();
        assertThat(myDraft(owner, task)).isNull();

        // an oversized draft is refused with its code; the earlier draft is unchanged
        Map<String, Object> huge = Map.of("from_name", "notes", "to_name", "text", "type", "textarea",
                "value", Map.of("text", List.of("x".repeat(600 * 1024))));
        Map<String, Object> refused = payload(ann.post(SAVE, Map.of("i", Map.of("taskId", task, "result", List.of(huge)))), "saveDraft");
        assertThat(refused.get("errors")).isEqualTo(List.of(Map.of("code", "DRAFT_TOO_LARGE", "field", List.of("result"))));
        assertThat(((Map<?, ?>) myDraft(ann, task)).get("result")).isEqualTo(List.of(POSITIVE));

        // submitting discards the author's draft in the same command
        Map<String, Object> submitted = payload(ann.post(
                "mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } task { myDraft { savedAt } } errors { code } } }",
                Map.of("i", Map.of("taskId", task, "result", List.of(POSITIVE)))), "submitAnnotation");
        assertThat(submitted.get("errors")).isEqualTo(List.of());
        assertThat(myDraft(ann, task)).isNull();

        // Bob's own draft, then discarded by him
        assertThat(payload(bob.post(SAVE, Map.of("i", Map.of("taskId", task, "result", List.of(POSITIVE)))), "saveDraft")
                .get("errors")).isEqualTo(List.of());
        assertThat(myDraft(bob, task)).isNotNull();
        Map<String, Object> discarded = payload(bob.post(
                "mutation($i: DiscardDraftInput!) { discardDraft(input: $i) { draft { savedAt } task { id } errors { code } } }",
                Map.of("i", Map.of("taskId", task))), "discardDraft");
        assertThat(discarded.get("errors")).isEqualTo(List.of());
        assertThat(discarded.get("draft")).isNull();
        assertThat(myDraft(bob, task)).isNull();

        // the audit log: Ann's two saves within ten minutes are one entry; Bob's first save is recorded; both discards are
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit(owner, "DraftDiscarded")).hasSize(2));
        assertThat(audit(owner, "DraftSaved")).extracting(e -> (String) ((Map<?, ?>) e.get("actor")).get("displayName"))
                                              .containsExactlyInAnyOrder("Ann", "Bob");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> audit(ApiClient owner, String type) {
        return (List<Map<String, Object>>) (List<?>) owner.graphql().document("""
                        query($f: AuditFilter) { auditLog(filter: $f, first: 50) { edges { node { eventType aggregateId actor { displayName } } } } }""")
                .variable("f", Map.of("eventType", type)).execute().path("auditLog.edges[*].node").entityList(Map.class).get();
    }

    static Map<String, Object> choice(String value) {
        return Map.of("from_name", "sentiment", "to_name", "text", "type", "choices", "value", Map.of("choices", List.of(value)));
    }


    static Object myDraft(ApiClient user, String task) {
        Map<String, Object> answer = user.post(MY_DRAFT, Map.of("id", task));
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        return ((Map<?, ?>) ((Map<?, ?>) answer.get("data")).get("task")).get("myDraft");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(Map<String, Object> answer, String field) {
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
    }
}
