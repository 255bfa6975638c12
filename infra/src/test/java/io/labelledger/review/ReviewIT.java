package io.labelledger.review;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reviews end to end over HTTP (ADR 0021): an Annotator annotates; a project Reviewer (an organization Annotator)
 * works the review queue, rejects and, once the author fixed the annotation, accepts; an organization Reviewer who is
 * a project Annotator is refused; nobody reviews their own annotation; another organization's annotation is not
 * found; the Data Manager, "as of" and the audit log show the reviews.
 */
class ReviewIT extends IntegrationTest {
    static final String POSITIVE = "[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"Positive\"]}}]";
    static final String NEGATIVE = POSITIVE.replace("Positive", "Negative");

    @LocalServerPort
    int port;

    @Test
    void aProjectReviewerRejectsTheAuthorFixesTheReviewerAccepts() throws Exception {
        // given an organization: Ann annotates, Rita (organization Annotator) is project Reviewer,
        // Victor (organization Reviewer) is project Annotator
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient rita = ApiClient.signUpWithInvitation(port, "Rita", owner.invite("ANNOTATOR"));
        ApiClient victor = ApiClient.signUpWithInvitation(port, "Victor", owner.invite("REVIEWER"));
        String project = owner.createProject("Reviews", ApiClient.TEXT_CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        owner.addProjectMember(project, rita.userId, "REVIEWER");
        owner.addProjectMember(project, victor.userId, "ANNOTATOR");
        owner.importTasks(project, "[{\"text\":\"Great\"},{\"text\":\"Dull\"}]", "JSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(2);
        List<String> tasks = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> owner.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 10) { edges { node { id } } } } }")
                .variable("id", project).execute().path("project.tasks.edges[*].node.id").entityList(String.class).get(), l -> l.size() == 2);
        String first = tasks.get(0);
        String second = tasks.get(1);

        // when Ann annotates the first task
        String annotation = (String) data(ann.post("""
                mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id review { decision } } errors { code } } }""",
                Map.of("i", Map.of("taskId", first, "result", json(POSITIVE)))), "submitAnnotation", "annotation", "id");

        // then it is pending review and first in Rita's review queue
        assertThat(reviewStateOf(owner, first)).isEqualTo("PENDING");
        assertThat(data(rita.post(NEXT_REVIEW, Map.of("project", project)), "nextReviewTask", "id")).isEqualTo(first);
        // skipping it (only tasks after number 1): nothing else waits yet
        assertThat(data(rita.post("query($project: ID!) { nextReviewTask(projectId: $project, afterNumber: 1) { id } }",
                Map.of("project", project)), "nextReviewTask")).isNull();

        // the UI is told who may review here: the same rule
        assertThat(canReview(rita, project)).isTrue();
        assertThat(canReview(victor, project)).isFalse();
        assertThat(canReview(ann, project)).isFalse();
        assertThat(canReview(owner, project)).isTrue();

        // an organization Reviewer who is project Annotator may not review, nor read the queue
        assertThat(errorCodes(victor.post(REVIEW, review(first, annotation, "ACCEPTED", null)), "reviewAnnotation")).containsExactly("FORBIDDEN");
        assertThat(ApiClient.classifications(victor.post(NEXT_REVIEW, Map.of("project", project)))).containsExactly("FORBIDDEN");
        // nor may the author (project Annotator)
        assertThat(errorCodes(ann.post(REVIEW, review(first, annotation, "ACCEPTED", null)), "reviewAnnotation")).containsExactly("FORBIDDEN");

        // when Rita rejects it with a comment
        Map<String, Object> rejected = rita.post(REVIEW, review(first, annotation, "REJECTED", "  It is Negative  "));
        assertThat(errorCodes(rejected, "reviewAnnotation")).isEmpty();
        assertThat(data(rejected, "reviewAnnotation", "annotation", "review", "decision")).isEqualTo("REJECTED");
        assertThat(data(rejected, "reviewAnnotation", "annotation", "review", "comment")).isEqualTo("It is Negative");
        assertThat(data(rejected, "reviewAnnotation", "annotation", "review", "reviewer", "displayName")).isEqualTo("Rita");
        assertThat(data(rejected, "reviewAnnotation", "task", "reviewState")).isEqualTo("REJECTED");
        Instant afterRejection = Instant.now();
        Thread.sleep(20);

        // then the Data Manager filters by review state and the queue is empty
        assertThat(filtered(owner, project, "REJECTED")).containsExactly(first);
        assertThat(filtered(owner, project, "NONE")).containsExactly(second);
        assertThat(filtered(owner, project, "PENDING")).isEmpty();
        assertThat(data(rita.post(NEXT_REVIEW, Map.of("project", project)), "nextReviewTask")).isNull();
        // the same verdict again records nothing (still one review event)
        assertThat(errorCodes(rita.post(REVIEW, review(first, annotation, "REJECTED", "It is Negative")), "reviewAnnotation")).isEmpty();

        // when Ann fixes the rejected annotation
        Map<String, Object> fixed = ann.post("""
                mutation($i: UpdateAnnotationInput!) { updateAnnotation(input: $i) { annotation { review { decision } } task { reviewState } errors { code } } }""",
                Map.of("i", Map.of("taskId", first, "annotationId", annotation, "result", json(NEGATIVE))));
        assertThat(errorCodes(fixed, "updateAnnotation")).isEmpty();

        // then it is pending again and back in the queue; Rita accepts it
        assertThat(data(fixed, "updateAnnotation", "task", "reviewState")).isEqualTo("PENDING");
        assertThat(data(fixed, "updateAnnotation", "annotation", "review")).isNull();
        assertThat(data(rita.post(NEXT_REVIEW, Map.of("project", project)), "nextReviewTask", "id")).isEqualTo(first);
        Map<String, Object> accepted = rita.post(REVIEW, review(first, annotation, "ACCEPTED", null));
        assertThat(data(accepted, "reviewAnnotation", "annotation", "review", "decision")).isEqualTo("ACCEPTED");
        assertThat(data(accepted, "reviewAnnotation", "annotation", "review", "comment")).isNull();
        assertThat(reviewStateOf(owner, first)).isEqualTo("ACCEPTED");

        // "as of" folds the reviews from the event store
        assertThat(asOfDecision(owner, first, afterRejection)).isEqualTo("REJECTED");
        assertThat(asOfDecision(owner, first, Instant.now().plusSeconds(1))).isEqualTo("ACCEPTED");

        // nobody reviews their own annotation: Rita annotates the second task and may not review it
        String ritas = (String) data(rita.post("""
                mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }""",
                Map.of("i", Map.of("taskId", second, "result", json(POSITIVE)))), "submitAnnotation", "annotation", "id");
        Map<String, Object> own = rita.post(REVIEW, review(second, ritas, "ACCEPTED", null));
        assertThat(errorCodes(own, "reviewAnnotation")).containsExactly("FORBIDDEN");
        assertThat(data(rita.post(NEXT_REVIEW, Map.of("project", project)), "nextReviewTask")).as("own annotations are not in one's queue").isNull();
        assertThat(data(owner.post(NEXT_REVIEW, Map.of("project", project)), "nextReviewTask", "id")).isEqualTo(second);

        // a comment longer than 2,000 characters is a validation error
        assertThat(errorCodes(owner.post(REVIEW, review(second, ritas, "REJECTED", "x".repeat(2_001))), "reviewAnnotation"))
                .containsExactly("VALIDATION");

        // another organization's annotation is not found, through its task or through one of ours
        ApiClient stranger = ApiClient.signUp(port, "Stranger");
        String foreignProject = stranger.createProject("Theirs", ApiClient.TEXT_CONFIG);
        stranger.importTasks(foreignProject, "[{\"text\":\"x\"}]", "JSON", "ALL_OR_NOTHING");
        String foreignTask = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> stranger.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 1) { edges { node { id } } } } }")
                .variable("id", foreignProject).execute().path("project.tasks.edges[0].node.id").entity(String.class).get(), id -> id != null);
        String foreignAnnotation = (String) data(stranger.post("""
                mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }""",
                Map.of("i", Map.of("taskId", foreignTask, "result", json(POSITIVE)))), "submitAnnotation", "annotation", "id");
        assertThat(errorCodes(owner.post(REVIEW, review(foreignTask, foreignAnnotation, "ACCEPTED", null)), "reviewAnnotation"))
                .containsExactly("NOT_FOUND");
        assertThat(errorCodes(owner.post(REVIEW, review(second, foreignAnnotation, "ACCEPTED", null)), "reviewAnnotation"))
                .containsExactly("NOT_FOUND");

        // the audit log shows who reviewed what
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map> reviews = owner.graphql().document("""
                            query($f: AuditFilter) { auditLog(filter: $f, first: 50) { edges { node { eventType aggregateId actor { displayName } } } } }""")
                    .variable("f", Map.of("eventType", "AnnotationReviewed")).execute()
                    .path("auditLog.edges[*].node").entityList(Map.class).get();
            assertThat(reviews).hasSize(2).allSatisfy(e -> {
                assertThat(e.get("aggregateId")).isEqualTo(first);
                assertThat(((Map<?, ?>) e.get("actor")).get("displayName")).isEqualTo("Rita");
            });
        });
    }

    static final String REVIEW = """
            mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) {
              annotation { id review { decision comment reviewedAt reviewer { id displayName } } }
              task { id reviewState } errors { code field } } }""";

    static final String NEXT_REVIEW = "query($project: ID!) { nextReviewTask(projectId: $project) { id } }";

    static Map<String, Object> review(String task, String annotation, String decision, String comment) {
        Map<String, Object> input = new HashMap<>(Map.of("taskId", task, "annotationId", annotation, "decision", decision));
        if (comment != null) input.put("comment", comment);
        return Map.of("i", input);
    }


    static boolean canReview(ApiClient user, String project) {
        return user.graphql().document("query($id: ID!) { project(id: $id) { canReview } }").variable("id", project).execute()
                   .path("project.canReview").entity(Boolean.class).get();
    }

    static String reviewStateOf(ApiClient user, String task) {
        return user.graphql().document("query($id: ID!) { task(id: $id) { reviewState } }").variable("id", task).execute()
                   .path("task.reviewState").entity(String.class).get();
    }

    static List<String> filtered(ApiClient user, String project, String state) {
        return user.graphql().document("""
                        query($id: ID!, $s: ReviewState) { project(id: $id) { tasks(first: 10, filter: {reviewState: $s}) { edges { node { id } } } } }""")
                   .variable("id", project).variable("s", state).execute().path("project.tasks.edges[*].node.id").entityList(String.class).get();
    }

    static String asOfDecision(ApiClient user, String task, Instant at) {
        return user.graphql().document("query($id: ID!, $t: DateTime!) { taskAsOf(id: $id, asOf: $t) { annotations { review { decision } } } }")
                   .variable("id", task).variable("t", at.toString()).execute()
                   .path("taskAsOf.annotations[0].review.decision").entity(String.class).get();
    }

    static Object json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(text, Object.class);
    }

    @SuppressWarnings("unchecked")
    static Object data(Map<String, Object> answer, String... path) {
        // a GraphQL error is never read as "nothing there" (an empty queue, a missing review): it fails the test
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        assertThat(answer.get("data")).as("data in " + answer).isInstanceOf(Map.class);
        Object current = answer.get("data");
        for (String p : path) {
            if (!(current instanceof Map<?, ?> map)) return null;
            current = ((Map<String, Object>) map).get(p);
        }
        return current;
    }


    @SuppressWarnings("unchecked")
    static List<String> errorCodes(Map<String, Object> answer, String field) {
        Object errors = data(answer, field, "errors");
        assertThat(errors).as("payload errors in " + answer).isInstanceOf(List.class);
        return ((List<Map<String, Object>>) errors).stream().map(e -> (String) e.get("code")).toList();
    }
}
