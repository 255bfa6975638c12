package io.labelledger.task;

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
 * Blind labeling on the server (issue 10): an annotator asking the API for a task gets their own annotation only,
 * now and "as of" an instant; the project's reviewers and Managers and above get every one.
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
