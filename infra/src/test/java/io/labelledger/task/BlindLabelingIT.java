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
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Blind labeling on the server (issue 10): an annotator asking the API for a task gets their own annotation only,
 * now and "as of" an instant; the project's reviewers and Managers and above get every one. The attack test goes
 * through every way an annotator could reach another person's annotation — the task and its Data Manager columns, the
 * past, the history, filters, comments, the live subscription, exports — with the project's setting "show other
 * people's annotations" off (refused or filtered) and then on (answered).
 */
class BlindLabelingIT extends IntegrationTest {
    static final String TASK = "query($id: ID!) { task(id: $id) { annotations { author { id } } } }";
    static final String AS_OF = "query($id: ID!, $at: DateTime!) { taskAsOf(id: $id, asOf: $at) { annotations { author { id } } } }";

    @LocalServerPort
    int port;

    @Test
    void annotatorsSeeOnlyTheirOwnAnnotationReviewersAndManagersSeeEveryOne() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        ApiClient rita = ApiClient.signUpWithInvitation(port, "Rita", owner.invite("REVIEWER"));
        ApiClient max = ApiClient.signUpWithInvitation(port, "Max", owner.invite("MANAGER"));
        String project = owner.createProject("Blind", ApiClient.TEXT_CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        owner.addProjectMember(project, bob.userId, "ANNOTATOR");
        owner.addProjectMember(project, max.userId, "ANNOTATOR"); // a Manager who annotates here still sees every annotation
        owner.addProjectMember(project, rita.userId, "REVIEWER");
        owner.importTasks(project, "{\"text\":\"Great\"}\n", "NDJSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = owner.firstTask(project);
        ann.submit(task, List.of(ApiClient.choice("Positive")));
        bob.submit(task, List.of(ApiClient.choice("Positive")));
        await().atMost(Duration.ofSeconds(20)).until(() -> authors(owner, task).size() == 2);

        assertThat(authors(ann, task)).containsExactly(ann.userId);
        assertThat(authors(bob, task)).containsExactly(bob.userId);
        assertThat(authors(rita, task)).containsExactlyInAnyOrder(ann.userId, bob.userId);
        assertThat(authors(max, task)).containsExactlyInAnyOrder(ann.userId, bob.userId);
        assertThat(authors(owner, task)).containsExactlyInAnyOrder(ann.userId, bob.userId);

        String now = Instant.now().plusSeconds(1).toString();
        assertThat(authorsAsOf(ann, task, now)).containsExactly(ann.userId);
        assertThat(authorsAsOf(owner, task, now)).containsExactlyInAnyOrder(ann.userId, bob.userId);
    }

    static final String EVERYTHING = """
            query($id: ID!) { task(id: $id) { labels annotatorIds reviewerIds commentCount
              annotations { id author { id } result comments { id text } } } }""";
    static final String HISTORY = "query($id: ID!) { taskHistory(id: $id) { type actor { id } } }";
    static final String BY_LABEL = """
            query($p: ID!) { project(id: $p) { tasks(filter: {conditions: [{column: LABELS, path: ["sentiment"], operator: CONTAINS, value: "Negative"}]}) {
              edges { node { id } } } } }""";
    static final String ADD_COMMENT = """
            mutation($i: AddCommentInput!) { addComment(input: $i) { comment { id } errors { code field } } }""";
    static final String RESOLVE = """
            mutation($i: CommentInput!) { resolveComment(input: $i) { comment { id } errors { code field } } }""";
    static final String EXPORT = """
            mutation($p: ID!) { createExport(input: {projectId: $p, format: JSON}) { job { id } errors { code } } }""";

    @Test
    @SuppressWarnings("unchecked")
    void anAnnotatorReachesAnotherPersonsAnnotationByNoPathUnlessTheProjectShowsThem() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        String project = owner.createProject("Blind paths", ApiClient.TEXT_CONFIG);
        owner.addProjectMember(project, ann.userId, "ANNOTATOR");
        owner.addProjectMember(project, bob.userId, "ANNOTATOR");
        owner.importTasks(project, "{\"text\":\"Great\"}\n", "NDJSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = owner.firstTask(project);
        String anns = ann.submit(task, List.of(ApiClient.choice("Positive")));
        String bobs = bob.submit(task, List.of(ApiClient.choice("Negative")));
        String ownersComment = (String) ((Map<String, Object>) payload(owner.post(ADD_COMMENT,
                Map.of("i", Map.of("taskId", task, "annotationId", bobs, "text", "Negative? Really?"))), "addComment").get("comment")).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> authors(owner, task).size() == 2);

        // ---- the setting off (the default): Ann reaches only her own work
        Map<String, Object> t = data(ann.post(EVERYTHING, Map.of("id", task)), "task");
        assertThat((List<Map<String, Object>>) t.get("annotations")).extracting(a -> a.get("id")).containsExactly(anns);
        assertThat(t.get("labels")).isEqualTo(Map.of()); // no label values of others (the column mixes everyone's)
        assertThat(t.get("annotatorIds")).isEqualTo(List.of(ann.userId));
        assertThat(t.get("reviewerIds")).isEqualTo(List.of());
        assertThat(authorsAsOf(ann, task, Instant.now().plusSeconds(1).toString())).containsExactly(ann.userId);
        assertThat(historyActors(ann, task)).doesNotContain(bob.userId).contains(ann.userId);
        // a filter on others' labels would tell what they chose
        assertThat(errorClassifications(ann.post(BY_LABEL, Map.of("p", project)))).isNotEmpty();
        // comments: Bob's annotation is not found for her (the same answer as a deleted one), nor its thread
        assertThat(codes(ann.post(ADD_COMMENT, Map.of("i", Map.of("taskId", task, "annotationId", bobs, "text", "Hi"))), "addComment"))
                .containsExactly("NOT_FOUND");
        assertThat(codes(ann.post(RESOLVE, Map.of("i", Map.of("taskId", task, "commentId", ownersComment))), "resolveComment"))
                .containsExactly("NOT_FOUND");
        assertThat(codes(ann.post(ADD_COMMENT, Map.of("i", Map.of("taskId", task, "annotationId", anns, "text", "Note to self"))), "addComment"))
                .isEmpty();
        // the live Data Manager row pushed to her when Bob changes his annotation holds her annotation only
        assertThat(pushedAuthors(ann, project, () -> bob.post(UPDATE, update(task, bobs, "Neutral")))).containsExactly(ann.userId);
        // exports: annotators run none (rules.csv), whatever the setting
        assertThat(refusals(ann.post(EXPORT, Map.of("p", project)), "createExport")).containsExactly("FORBIDDEN");
        ann.export(project, "format=JSON").expectStatus().isForbidden();

        // ---- the project shows everyone's annotations: every path answers Bob's too
        owner.showOthersAnnotations(project, true);
        t = data(ann.post(EVERYTHING, Map.of("id", task)), "task");
        List<Map<String, Object>> both = (List<Map<String, Object>>) t.get("annotations");
        assertThat(both).extracting(a -> a.get("id")).containsExactlyInAnyOrder(anns, bobs);
        Map<String, Object> bobsSeen = both.stream().filter(a -> a.get("id").equals(bobs)).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) bobsSeen.get("comments")).extracting(c -> c.get("text")).containsExactly("Negative? Really?");
        assertThat((Map<String, Object>) t.get("labels")).containsKey("sentiment");
        assertThat((List<String>) t.get("annotatorIds")).containsExactlyInAnyOrder(ann.userId, bob.userId);
        assertThat(authorsAsOf(ann, task, Instant.now().plusSeconds(1).toString())).containsExactlyInAnyOrder(ann.userId, bob.userId);
        assertThat(historyActors(ann, task)).contains(ann.userId, bob.userId);
        assertThat(errorClassifications(ann.post(BY_LABEL, Map.of("p", project)))).isEmpty();
        assertThat(codes(ann.post(ADD_COMMENT, Map.of("i", Map.of("taskId", task, "annotationId", bobs, "parentId", ownersComment,
                "text", "Looks neutral to me"))), "addComment")).isEmpty();
        assertThat(pushedAuthors(ann, project, () -> bob.post(UPDATE, update(task, bobs, "Negative"))))
                .containsExactlyInAnyOrder(ann.userId, bob.userId);
        assertThat(refusals(ann.post(EXPORT, Map.of("p", project)), "createExport")).containsExactly("FORBIDDEN");
        ann.export(project, "format=JSON").expectStatus().isForbidden();
    }

    static final String UPDATE = """
            mutation($i: UpdateAnnotationInput!) { updateAnnotation(input: $i) { annotation { id } errors { code } } }""";

    static Map<String, Object> update(String task, String annotation, String choice) {
        return Map.of("i", Map.of("taskId", task, "annotationId", annotation, "result", List.of(ApiClient.choice(choice))));
    }

    /** The authors of the annotations in the first Data Manager row pushed to {@code who} after {@code change}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<String> pushedAuthors(ApiClient who, String project, Runnable change) {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                                                              .headers(h -> h.add(HttpHeaders.COOKIE, who.cookie)).build();
        Flux<Map> rows = socket.document("subscription($p: ID!) { taskChanged(projectId: $p) { id labels annotations { author { id } } } }")
                               .variable("p", project).executeSubscription().toFlux("taskChanged", Map.class);
        List<String>[] authors = new List[1];
        StepVerifier.create(rows.take(1))
                    .thenAwait(Duration.ofSeconds(2)) // the graphql-ws handshake and the Redis subscription settle
                    .then(change)
                    .assertNext(row -> authors[0] = ((List<Map<String, Object>>) row.get("annotations")).stream()
                            .map(a -> (String) ((Map<?, ?>) a.get("author")).get("id")).toList())
                    .expectComplete()
                    .verify(Duration.ofSeconds(20));
        return authors[0];
    }

    @SuppressWarnings("unchecked")
    static List<String> historyActors(ApiClient who, String task) {
        List<Map<String, Object>> events = (List<Map<String, Object>>) data(who.post(HISTORY, Map.of("id", task)), "taskHistory");
        return events.stream().filter(e -> e.get("actor") != null).map(e -> (String) ((Map<?, ?>) e.get("actor")).get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    static <T> T data(Map<String, Object> answer, String field) {
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        return (T) ((Map<String, Object>) answer.get("data")).get(field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(Map<String, Object> answer, String field) {
        return data(answer, field);
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(Map<String, Object> answer, String field) {
        return ((List<Map<String, Object>>) payload(answer, field).get("errors")).stream().map(e -> (String) e.get("code")).toList();
    }

    /** The refusal of a mutation: its GraphQL errors' classifications, else its payload's error codes. */
    @SuppressWarnings("unchecked")
    static List<Object> refusals(Map<String, Object> answer, String field) {
        List<Object> classifications = errorClassifications(answer);
        if (!classifications.isEmpty()) return classifications;
        return ((List<Map<String, Object>>) payload(answer, field).get("errors")).stream().map(e -> e.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Object> errorClassifications(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.getOrDefault("errors", List.of())).stream()
                .map(e -> ((Map<String, Object>) e.getOrDefault("extensions", Map.of())).get("classification")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> authors(ApiClient who, String task) {
        Map<String, Object> answer = who.post(TASK, Map.of("id", task));
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("task");
        return ((List<Map<String, Object>>) t.get("annotations")).stream().map(a -> (String) ((Map<?, ?>) a.get("author")).get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> authorsAsOf(ApiClient who, String task, String at) {
        Map<String, Object> answer = who.post(AS_OF, Map.of("id", task, "at", at));
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("taskAsOf");
        return ((List<Map<String, Object>>) t.get("annotations")).stream().map(a -> (String) ((Map<?, ?>) a.get("author")).get("id")).toList();
    }
}
