package io.labelledger.task;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments over GraphQL (issue 10, ADR 0032), in a project that shows annotators each other's annotations (blind
 * labeling keeps others' annotations out of reach, BlindLabelingIT): a thread on an annotation, a comment on one region, resolve by the
 * author, resolve by someone else refused (FORBIDDEN), delete by a Manager (the comment keeps its place, without its
 * text), replies only within one annotation, another organization's annotation not found.
 */
class CommentIT extends IntegrationTest {
    static final Map<String, Object> POSITIVE = Map.of("id", "r1", "from_name", "sentiment", "to_name", "text", "type", "choices",
            "value", Map.of("choices", List.of("Positive")));

    static final String ADD = """
            mutation($i: AddCommentInput!) { addComment(input: $i) {
              comment { id taskId annotationId regionId parentId text deleted resolved author { id displayName } } errors { code field } } }""";
    static final String CHANGE = """
            mutation($i: CommentInput!) { %s(input: $i) {
              comment { id text deleted resolved resolvedAt resolvedBy { displayName } } errors { code field } } }""";

    @LocalServerPort
    int port;

    @Test
    void threadsRegionsResolveAndDelete() {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        ApiClient bob = ApiClient.signUpWithInvitation(port, "Bob", owner.invite("ANNOTATOR"));
        ApiClient mia = ApiClient.signUpWithInvitation(port, "Mia", owner.invite("MANAGER"));
        String project = owner.createProject("Comments", ApiClient.TEXT_CONFIG);
        for (ApiClient who : List.of(ann, bob, mia)) owner.addProjectMember(project, who.userId, "ANNOTATOR");
        owner.importTasks(project, "{\"text\":\"Great\"}\n", "NDJSON", "ALL_OR_NOTHING")
             .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = owner.firstTask(project);
        String annotation = ann.submit(task, List.of(POSITIVE));
        String bobsAnnotation = bob.submit(task, List.of(POSITIVE));
        // blind labeling (the default): Ann's annotation does not exist for Bob, not even to comment on
        assertThat(codes(bob.post(ADD, input(task, annotation, null, null, "Why?")), "addComment")).containsExactly("NOT_FOUND");
        owner.showOthersAnnotations(project, true);

        // Bob starts a thread on Ann's annotation; Ann replies; Bob comments on one region
        Map<String, Object> first = ok(bob.post(ADD, input(task, annotation, null, null, "  Why Positive?  ")), "addComment");
        assertThat(first.get("text")).isEqualTo("Why Positive?");
        assertThat(first.get("parentId")).isNull();
        assertThat(((Map<?, ?>) first.get("author")).get("displayName")).isEqualTo("Bob");
        String thread = (String) first.get("id");
        Map<String, Object> reply = ok(ann.post(ADD, input(task, annotation, null, thread, "It says great")), "addComment");
        assertThat(reply.get("parentId")).isEqualTo(thread);
        Map<String, Object> region = ok(bob.post(ADD, input(task, annotation, "r1", null, "This region")), "addComment");
        assertThat(region.get("regionId")).isEqualTo("r1");

        // a reply belongs to the same annotation; empty text is refused
        assertThat(codes(ann.post(ADD, input(task, bobsAnnotation, null, thread, "Elsewhere")), "addComment")).containsExactly("VALIDATION");
        assertThat(codes(ann.post(ADD, input(task, annotation, null, null, "   ")), "addComment")).containsExactly("VALIDATION");

        // Ann may not resolve Bob's comment; Bob resolves it
        assertThat(codes(ann.post(CHANGE.formatted("resolveComment"), change(task, thread)), "resolveComment")).containsExactly("FORBIDDEN");
        Map<String, Object> resolved = ok(bob.post(CHANGE.formatted("resolveComment"), change(task, thread)), "resolveComment");
        assertThat(resolved.get("resolved")).isEqualTo(true);
        assertThat(((Map<?, ?>) resolved.get("resolvedBy")).get("displayName")).isEqualTo("Bob");
        // nor may she delete it
        assertThat(codes(ann.post(CHANGE.formatted("deleteComment"), change(task, thread)), "deleteComment")).containsExactly("FORBIDDEN");

        // Mia (Manager) deletes the thread's first comment: it keeps its place, without its text; the reply stays
        Map<String, Object> deleted = ok(mia.post(CHANGE.formatted("deleteComment"), change(task, thread)), "deleteComment");
        assertThat(deleted.get("deleted")).isEqualTo(true);
        assertThat(deleted.get("text")).isNull();
        // a reply to the deleted comment is still possible
        ok(bob.post(ADD, input(task, annotation, null, thread, "Fair enough")), "addComment");

        // everybody on the project reads the thread
        Map<String, Object> read = owner.post("""
                query($id: ID!) { task(id: $id) { commentCount annotations { id comments { id parentId regionId text deleted resolved } } } }""",
                Map.of("id", task));
        assertThat(read.get("errors")).isNull();
        Map<?, ?> t = (Map<?, ?>) ((Map<?, ?>) read.get("data")).get("task");
        assertThat(t.get("commentCount")).isEqualTo(3);
        List<Map<String, Object>> comments = ((List<Map<String, Object>>) t.get("annotations")).stream()
                .filter(a -> a.get("id").equals(annotation)).findFirst().map(a -> (List<Map<String, Object>>) a.get("comments")).orElseThrow();
        assertThat(comments).extracting(c -> c.get("parentId")).containsExactly(null, thread, null, thread);
        assertThat(comments).extracting(c -> c.get("deleted")).containsExactly(true, false, false, false);
        assertThat(comments).extracting(c -> c.get("regionId")).containsExactly(null, null, "r1", null);

        // the Data Manager's comment columns (kept by the projection): sortable and filterable
        Map<String, Object> rows = owner.post("""
                query($p: ID!) { project(id: $p) {
                  open: tasks(orderBy: {field: UNRESOLVED_COMMENTS, direction: DESC}, filter: {conditions: [{column: UNRESOLVED_COMMENTS, operator: GREATER, value: 0}]}) {
                    edges { node { id commentCount unresolvedCommentCount } } }
                  many: tasks(orderBy: {field: COMMENTS, direction: ASC}, filter: {conditions: [{column: COMMENTS, operator: GREATER, value: 3}]}) {
                    edges { node { id } } } } }""", Map.of("p", project));
        assertThat(rows.get("errors")).as("errors in " + rows).isNull();
        Map<?, ?> dm = (Map<?, ?>) ((Map<?, ?>) rows.get("data")).get("project");
        assertThat((List<Object>) ((Map<?, ?>) dm.get("open")).get("edges"))
                .containsExactly(Map.<String, Object>of("node", Map.<String, Object>of("id", task, "commentCount", 3, "unresolvedCommentCount", 3)));
        assertThat((List<Object>) ((Map<?, ?>) dm.get("many")).get("edges")).isEmpty();

        // another organization: not found
        ApiClient stranger = ApiClient.signUp(port, "Stranger");
        assertThat(codes(stranger.post(ADD, input(task, annotation, null, null, "Hi")), "addComment")).containsExactly("NOT_FOUND");
    }


    static Map<String, Object> input(String task, String annotation, String region, String parent, String text) {
        Map<String, Object> i = new HashMap<>(Map.of("taskId", task, "annotationId", annotation, "text", text));
        if (region != null) i.put("regionId", region);
        if (parent != null) i.put("parentId", parent);
        return Map.of("i", i);
    }

    static Map<String, Object> change(String task, String comment) {
        return Map.of("i", Map.of("taskId", task, "commentId", comment));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ok(Map<String, Object> answer, String field) {
        Map<String, Object> payload = DraftIT.payload(answer, field);
        assertThat(payload.get("errors")).as(field + " in " + answer).isEqualTo(List.of());
        return (Map<String, Object>) payload.get("comment");
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(Map<String, Object> answer, String field) {
        return ((List<Map<String, Object>>) DraftIT.payload(answer, field).get("errors")).stream().map(e -> (String) e.get("code")).toList();
    }
}
