package io.labelledger.review;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fix and accept (issue 10, ADR 0032): the reviewer's correction becomes the annotation's new version, attributed to
 * them, and is accepted; the original stays in the history ("as of"); an invalid correction is refused; someone who
 * may not review cannot fix.
 */
class FixAndAcceptIT extends IntegrationTest {
    static final String FIX = """
            mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) {
              annotation { id result review { decision reviewer { displayName } } } task { reviewState } errors { code field } } }""";

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void theReviewersCorrectionIsANewAcceptedVersionAndTheOriginalStaysInTheHistory() throws Exception {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient rita = ApiClient.signUpWithInvitation(port, "Rita", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        String project = owner.createProject("Fixes", ApiClient.TEXT_CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        owner.addProjectMember(project, rita.userId, "REVIEWER");
        owner.addProjectMember(project, bob.userId, "ANNOTATOR");
        owner.importTasks(project, "[{\"text\":\"Dull\"}]", "JSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = owner.firstTask(project);
        String annotation = (String) ReviewIT.data(ann.post("""
                mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }""",
                Map.of("i", Map.of("taskId", task, "result", ReviewIT.json(ReviewIT.POSITIVE)))), "submitAnnotation", "annotation", "id");
        Instant beforeFix = Instant.now();
        Thread.sleep(20);

        // a project Annotator may not fix; an invalid correction is refused
        assertThat(ReviewIT.errorCodes(bob.post(FIX, fix(task, annotation, ReviewIT.NEGATIVE)), "reviewAnnotation")).containsExactly("FORBIDDEN");
        assertThat(ReviewIT.errorCodes(rita.post(FIX, fix(task, annotation, ReviewIT.POSITIVE.replace("Positive", "Undecided"))),
                "reviewAnnotation")).containsExactly("INVALID_RESULT");

        // Rita fixes and accepts
        Map<String, Object> fixed = rita.post(FIX, fix(task, annotation, ReviewIT.NEGATIVE));
        assertThat(ReviewIT.errorCodes(fixed, "reviewAnnotation")).isEmpty();
        assertThat(ReviewIT.data(fixed, "reviewAnnotation", "annotation", "result")).isEqualTo(ReviewIT.json(ReviewIT.NEGATIVE));
        assertThat(ReviewIT.data(fixed, "reviewAnnotation", "annotation", "review", "decision")).isEqualTo("ACCEPTED");
        assertThat(ReviewIT.data(fixed, "reviewAnnotation", "annotation", "review", "reviewer", "displayName")).isEqualTo("Rita");
        assertThat(ReviewIT.data(fixed, "reviewAnnotation", "task", "reviewState")).isEqualTo("ACCEPTED");

        // the original is kept in the history
        String asOf = "query($id: ID!, $t: DateTime!) { taskAsOf(id: $id, asOf: $t) { annotations { result } } }";
        assertThat(ReviewIT.data(owner.post(asOf, Map.of("id", task, "t", beforeFix.toString())), "taskAsOf", "annotations"))
                .isEqualTo(List.of(Map.of("result", ReviewIT.json(ReviewIT.POSITIVE))));
        assertThat(ReviewIT.data(owner.post(asOf, Map.of("id", task, "t", Instant.now().plusSeconds(1).toString())), "taskAsOf", "annotations"))
                .isEqualTo(List.of(Map.of("result", ReviewIT.json(ReviewIT.NEGATIVE))));

        // the new version is attributed to Rita in the audit log
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map> updates = owner.graphql().document("""
                            query($f: AuditFilter) { auditLog(filter: $f, first: 10) { edges { node { aggregateId actor { displayName } } } } }""")
                    .variable("f", Map.of("eventType", "AnnotationUpdated")).execute().path("auditLog.edges[*].node").entityList(Map.class).get();
            assertThat(updates).hasSize(1);
            assertThat(((Map<?, ?>) updates.get(0).get("actor")).get("displayName")).isEqualTo("Rita");
        });
    }

    static Map<String, Object> fix(String task, String annotation, String result) {
        return Map.of("i", Map.of("taskId", task, "annotationId", annotation, "decision", "FIX_AND_ACCEPT", "comment", "Negative",
                "result", ReviewIT.json(result)));
    }
}
