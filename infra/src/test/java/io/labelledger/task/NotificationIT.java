package io.labelledger.task;

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

/**
 * In-app notifications (issue 10, ADR 0032) between two people over GraphQL: Bob's comment on Ann's annotation is
 * pushed to Ann's graphql-ws subscription (through Redis) with the ids to deep-link; Ann's reply notifies Bob (he
 * wrote in the thread); nobody is notified of their own comment; unread counts and marking read (by id, then all).
 */
class NotificationIT extends IntegrationTest {
    static final String NOTIFICATIONS = """
            { unreadNotificationCount notifications(first: 10) { edges { node {
                id kind taskId projectId annotationId regionId commentId read actor { displayName } } } } }""";

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void commentsOnYourAnnotationAndRepliesInYourThreadNotifyYou() {
        ApiClient ann = ApiClient.signUp(port, "Ann");
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", ann.invite("ANNOTATOR"));
        String project = ann.createProject("Notified", ApiClient.TEXT_CONFIG);
        ann.addProjectMember(project, bob.userId, "ANNOTATOR");
        ann.showOthersAnnotations(project, true); // Bob comments on Ann's annotation: no blind labeling here
        ann.importTasks(project, "{\"text\":\"Great\"}\n", "NDJSON", "ALL_OR_NOTHING")
           .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = ann.firstTask(project);
        String annotation = ann.submit(task, List.of(ApiClient.choice("Positive")));

        // Ann's own comment on her annotation notifies nobody
        CommentIT.ok(ann.post(CommentIT.ADD, CommentIT.input(task, annotation, null, null, "Note to self")), "addComment");

        // Ann listens; Bob comments on a region of her annotation
        Flux<Map> pushed = socket(ann).document("subscription { notificationAdded { id kind taskId annotationId regionId commentId actor { displayName } } }")
                                      .executeSubscription().toFlux("notificationAdded", Map.class);
        String[] bobsComment = new String[1];
        String[] pushedComment = new String[1];
        StepVerifier.create(pushed.take(1))
                    .thenAwait(Duration.ofSeconds(2)) // let the graphql-ws handshake and the Redis subscription settle
                    .then(() -> bobsComment[0] = (String) CommentIT.ok(bob.post(CommentIT.ADD,
                            CommentIT.input(task, annotation, "r1", null, "Is r1 right?")), "addComment").get("id"))
                    .assertNext(n -> {
                        assertThat(n.get("kind")).isEqualTo("COMMENT_ON_YOUR_ANNOTATION");
                        assertThat(n.get("taskId")).isEqualTo(task);
                        assertThat(n.get("annotationId")).isEqualTo(annotation);
                        assertThat(n.get("regionId")).isEqualTo("r1");
                        pushedComment[0] = (String) n.get("commentId");
                        assertThat(((Map<?, ?>) n.get("actor")).get("displayName")).isEqualTo("Bob");
                    })
                    .expectComplete()
                    .verify(Duration.ofSeconds(20));
        // compared once both are in: the push may arrive before Bob's mutation has answered
        assertThat(pushedComment[0]).isNotNull().isEqualTo(bobsComment[0]);

        // Ann has exactly that one, unread; Bob has none (his own comment)
        Map<String, Object> anns = data(ann.post(NOTIFICATIONS, Map.of()));
        assertThat(anns.get("unreadNotificationCount")).isEqualTo(1);
        List<Map<String, Object>> annEdges = (List<Map<String, Object>>) ((Map<?, ?>) anns.get("notifications")).get("edges");
        assertThat(annEdges).hasSize(1);
        Map<String, Object> first = (Map<String, Object>) annEdges.get(0).get("node");
        assertThat(first.get("read")).isEqualTo(false);
        assertThat(first.get("projectId")).isEqualTo(project);
        assertThat(data(bob.post(NOTIFICATIONS, Map.of())).get("unreadNotificationCount")).isEqualTo(0);

        // Ann replies in Bob's thread: Bob is notified (reply in your thread); Ann is not (her own comment)
        CommentIT.ok(ann.post(CommentIT.ADD, CommentIT.input(task, annotation, null, bobsComment[0], "Yes")), "addComment");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(data(bob.post(NOTIFICATIONS, Map.of())).get("unreadNotificationCount")).isEqualTo(1));
        Map<String, Object> bobs = data(bob.post(NOTIFICATIONS, Map.of()));
        Map<String, Object> reply = (Map<String, Object>) ((List<Map<String, Object>>) ((Map<?, ?>) bobs.get("notifications")).get("edges")).get(0).get("node");
        assertThat(reply.get("kind")).isEqualTo("REPLY_IN_YOUR_THREAD");
        assertThat(data(ann.post(NOTIFICATIONS, Map.of())).get("unreadNotificationCount")).isEqualTo(1);

        // Bob cannot mark Ann's notification read; Ann marks it by id, Bob marks all
        String mark = "mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { unreadCount errors { code } } }";
        assertThat(((Map<?, ?>) data(bob.post(mark, Map.of("i", Map.of("ids", List.of(first.get("id")))))).get("markNotificationsRead"))
                .get("unreadCount")).isEqualTo(1);
        assertThat(data(ann.post(NOTIFICATIONS, Map.of())).get("unreadNotificationCount")).isEqualTo(1);
        assertThat(((Map<?, ?>) data(ann.post(mark, Map.of("i", Map.of("ids", List.of(first.get("id")))))).get("markNotificationsRead"))
                .get("unreadCount")).isEqualTo(0);
        assertThat(((Map<?, ?>) data(bob.post(mark, Map.of("i", Map.of("all", true)))).get("markNotificationsRead"))
                .get("unreadCount")).isEqualTo(0);
        Map<String, Object> annAfter = data(ann.post(NOTIFICATIONS, Map.of()));
        assertThat(((Map<String, Object>) ((List<Map<String, Object>>) ((Map<?, ?>) annAfter.get("notifications")).get("edges")).get(0).get("node"))
                .get("read")).isEqualTo(true);
        // neither ids nor all: a validation error
        assertThat(((Map<?, ?>) data(ann.post(mark, Map.of("i", Map.of()))).get("markNotificationsRead")).get("errors"))
                .isEqualTo(List.of(Map.of("code", "VALIDATION")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> answer) {
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        return (Map<String, Object>) answer.get("data");
    }

    private WebSocketGraphQlTester socket(ApiClient user) {
        return WebSocketGraphQlTester.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                                     .headers(h -> h.add(HttpHeaders.COOKIE, user.cookie))
                                     .build();
    }
}
