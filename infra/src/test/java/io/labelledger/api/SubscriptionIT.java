package io.labelledger.api;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Data Manager rows pushed over graphql-ws, fanned out through Redis pub/sub, to the right organization only. */
class SubscriptionIT extends IntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void annotationsArePushedToSubscribersOfTheProject() {
        ApiClient ann = ApiClient.signUp(port, "Ann");
        String projectId = ann.graphql().document("mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }")
                              .variable("i", Map.of("title", "Live", "labelConfig", ApiClient.TEXT_CONFIG))
                              .execute().path("createProject.project.id").entity(String.class).get();
        ann.graphql().document("mutation($i: ImportTasksInput!) { importTasks(input: $i) { importedCount } }")
           .variable("i", Map.of("projectId", projectId, "json", "[{\"text\":\"watch me\"}]")).execute();
        String taskId = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> ann.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks { edges { node { id } } } } }").variable("id", projectId)
                .execute().path("project.tasks.edges[0].node.id").entity(String.class).get(), id -> id != null);

        Flux<Integer> counts = socket(ann).document("subscription($p: ID!) { taskChanged(projectId: $p) { id annotationCount } }")
                                          .variable("p", projectId).executeSubscription()
                                          .toFlux("taskChanged.annotationCount", Integer.class);
        // another organization subscribes to the same project id before the event is sent: it receives nothing
        ApiClient bob = ApiClient.signUp(port, "Bob");
        java.util.concurrent.CompletableFuture<List<Object>> intruder = socket(bob)
                .document("subscription($p: ID!) { taskChanged(projectId: $p) { id } }").variable("p", projectId)
                .executeSubscription().toFlux().map(r -> (Object) r)
                .take(Duration.ofSeconds(8)) // listens through the whole exchange below, whether or not the server ends it
                .collectList().toFuture();

        StepVerifier.create(counts.take(1))
                    .thenAwait(Duration.ofSeconds(2)) // let the graphql-ws handshake and the Redis subscription settle
                    .then(() -> ann.graphql().document("""
                                    mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { errors { code } } }""")
                                   .variable("i", Map.of("taskId", taskId, "result", List.of(Map.of("from_name", "sentiment",
                                           "to_name", "text", "type", "choices", "value", Map.of("choices", List.of("Positive"))))))
                                   .execute().path("submitAnnotation.errors").entityList(Object.class).hasSize(0))
                    .expectNext(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(20));
        // Ann's row was delivered within that window; Bob's subscription, open since before it, got nothing
        assertThat(intruder.join()).isEmpty();
    }

    @Test
    void reviewsArePushedToSubscribersOfTheProject() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        String projectId = owner.createProject("Live reviews", ApiClient.TEXT_CONFIG);
        owner.addProjectMember(projectId, ann.userId, "ANNOTATOR");
        owner.importTasks(projectId, "[{\"text\":\"review me\"}]", "JSON", "ALL_OR_NOTHING");
        String taskId = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> owner.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks { edges { node { id } } } } }").variable("id", projectId)
                .execute().path("project.tasks.edges[0].node.id").entity(String.class).get(), id -> id != null);
        String annotationId = ann.graphql().document("""
                        mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } } }""")
                .variable("i", Map.of("taskId", taskId, "result", List.of(Map.of("from_name", "sentiment",
                        "to_name", "text", "type", "choices", "value", Map.of("choices", List.of("Positive"))))))
                .execute().path("submitAnnotation.annotation.id").entity(String.class).get();

        Flux<String> states = socket(owner).document("subscription($p: ID!) { taskChanged(projectId: $p) { id reviewState } }")
                                           .variable("p", projectId).executeSubscription()
                                           .toFlux("taskChanged.reviewState", String.class);
        StepVerifier.create(states.take(1))
                    .thenAwait(Duration.ofSeconds(2))
                    .then(() -> owner.graphql().document("""
                                    mutation($i: ReviewAnnotationInput!) { reviewAnnotation(input: $i) { errors { code } } }""")
                                     .variable("i", Map.of("taskId", taskId, "annotationId", annotationId, "decision", "REJECTED"))
                                     .execute().path("reviewAnnotation.errors").entityList(Object.class).hasSize(0))
                    .expectNext("REJECTED")
                    .expectComplete()
                    .verify(Duration.ofSeconds(20));
    }

    private WebSocketGraphQlTester socket(ApiClient user) {
        return WebSocketGraphQlTester.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                                     .headers(h -> h.add(HttpHeaders.COOKIE, user.cookie))
                                     .build();
    }

    @Test
    void markingTheGroundTruthPushesTheTaskRow() {
        // given a task with Ann's annotation
        ApiClient ann = ApiClient.signUp(port, "Ann");
        String projectId = ann.createProject("Live ground truth", ApiClient.TEXT_CONFIG);
        ann.graphql().document("mutation($i: ImportTasksInput!) { importTasks(input: $i) { importedCount } }")
           .variable("i", Map.of("projectId", projectId, "json", "[{\"text\":\"mark me\"}]")).execute();
        String taskId = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> ann.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks { edges { node { id } } } } }").variable("id", projectId)
                .execute().path("project.tasks.edges[0].node.id").entity(String.class).get(), id -> id != null);
        String annotationId = ann.graphql().document("""
                        mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }""")
                .variable("i", Map.of("taskId", taskId, "result", List.of(Map.of("from_name", "sentiment",
                        "to_name", "text", "type", "choices", "value", Map.of("choices", List.of("Positive"))))))
                .execute().path("submitAnnotation.annotation.id").entity(String.class).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> ann.graphql().document("query($id: ID!) { task(id: $id) { annotationCount } }")
                .variable("id", taskId).execute().path("task.annotationCount").entity(Integer.class).get() == 1);

        Flux<Boolean> marks = socket(ann).document("subscription($p: ID!) { taskChanged(projectId: $p) { id groundTruth } }")
                                         .variable("p", projectId).executeSubscription()
                                         .toFlux("taskChanged.groundTruth", Boolean.class);

        // when it becomes the ground truth, then the row is pushed with the mark
        StepVerifier.create(marks.take(1))
                    .thenAwait(Duration.ofSeconds(2))
                    .then(() -> ann.graphql().document("mutation($i: SetGroundTruthInput!) { setGroundTruth(input: $i) { errors { code } } }")
                                   .variable("i", Map.of("taskId", taskId, "annotationId", annotationId, "groundTruth", true))
                                   .execute().path("setGroundTruth.errors").entityList(Object.class).hasSize(0))
                    .expectNext(true)
                    .expectComplete()
                    .verify(Duration.ofSeconds(20));
    }
}
