package io.labelledger.api;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Workspaces through the real HTTP stack: who sees which projects, who manages what; refusals write nothing. */
class WorkspaceIT extends IntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient owner;
    ApiClient manager;
    ApiClient annotator;

    @BeforeEach
    void organization() {
        owner = ApiClient.signUp(port, "Olivia");
        manager = ApiClient.signUpWithInvitation(port, "Max", owner.invite("MANAGER"));
        annotator = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
    }

    long events() {
        // refusals are recorded (OperationRefused, ADR 0027); "writes nothing" means no change to anything else
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type <> 'io.labelledger.identity.api.OperationRefused'", Long.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(Map<String, Object> answer, String field) {
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
    }

    @SuppressWarnings("unchecked")
    static String error(Map<String, Object> payload) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("errors");
        if (errors.isEmpty()) return null;
        Object field = errors.getFirst().get("field");
        return errors.getFirst().get("code") + ":" + (field instanceof List<?> path ? String.join(".", (List<String>) path) : field);
    }

    String createWorkspace(ApiClient actor, String name) {
        Map<String, Object> p = payload(actor.post("mutation($n: String!) { createWorkspace(input: {name: $n}) { workspace { id name } errors { code field } } }",
                Map.of("n", name)), "createWorkspace");
        assertThat(error(p)).isNull();
        return (String) ((Map<?, ?>) p.get("workspace")).get("id");
    }

    Map<String, Object> addMembers(ApiClient actor, String workspace, String... users) {
        return payload(actor.post("mutation($i: WorkspaceMembersInput!) { addWorkspaceMembers(input: $i) { workspace { memberCount members { userId } } errors { code field } } }",
                Map.of("i", Map.of("workspaceId", workspace, "userIds", List.of(users)))), "addWorkspaceMembers");
    }

    Map<String, Object> createProjectIn(ApiClient actor, String workspace) {
        Map<String, Object> input = new HashMap<>(Map.of("title", "In a workspace", "labelConfig", ApiClient.TEXT_CONFIG));
        input.put("workspaceId", workspace);
        return payload(actor.post("mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id workspace { id name } } errors { code field } } }",
                Map.of("i", input)), "createProject");
    }

    @SuppressWarnings("unchecked")
    List<String> projectIds(ApiClient actor, String workspace) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("w", workspace);
        Map<String, Object> connection = payload(actor.post("query($w: ID) { projects(workspaceId: $w) { edges { node { id } } } }", vars), "projects");
        return ((List<Map<String, Object>>) connection.get("edges")).stream().map(e -> (String) ((Map<?, ?>) e.get("node")).get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    List<String> workspaceIds(ApiClient actor, boolean includeArchived) {
        Map<String, Object> answer = actor.post("query($a: Boolean) { workspaces(includeArchived: $a) { id } }", Map.of("a", includeArchived));
        assertThat(answer.get("errors")).isNull();
        return ((List<Map<String, Object>>) ((Map<String, Object>) answer.get("data")).get("workspaces")).stream().map(w -> (String) w.get("id")).toList();
    }

    @Test
    void workspaceMembersSeeAndLabelItsProjectsUntilRemoved() {
        String ws = createWorkspace(owner, "Medical");
        Map<String, Object> added = addMembers(owner, ws, manager.userId, annotator.userId);
        assertThat(error(added)).isNull();
        assertThat(((Map<?, ?>) added.get("workspace")).get("memberCount")).isEqualTo(2);

        Map<String, Object> created = createProjectIn(owner, ws);
        assertThat(error(created)).isNull();
        Map<?, ?> project = (Map<?, ?>) created.get("project");
        String projectId = (String) project.get("id");
        assertThat(((Map<?, ?>) project.get("workspace")).get("name")).isEqualTo("Medical");
        String outside = owner.createProject("Outside", ApiClient.TEXT_CONFIG);

        // the annotator is no project member: the workspace alone gives access
        assertThat(projectIds(annotator, null)).containsExactly(projectId);
        assertThat(projectIds(annotator, ws)).containsExactly(projectId);
        assertThat(projectIds(owner, ws)).containsExactly(projectId);
        assertThat(projectIds(owner, null)).contains(projectId, outside);
        owner.importTasks(projectId, "[{\"text\":\"hello\"}]", "JSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                payload(annotator.post("query($p: ID!) { nextTask(projectId: $p) { id } }", Map.of("p", projectId)), "nextTask") != null);

        Map<String, Object> removed = payload(owner.post("mutation($i: WorkspaceMemberInput!) { removeWorkspaceMember(input: $i) { workspace { memberCount } errors { code } } }",
                Map.of("i", Map.of("workspaceId", ws, "userId", annotator.userId))), "removeWorkspaceMember");
        assertThat(error(removed)).isNull();
        assertThat(projectIds(annotator, null)).isEmpty();
        Map<String, Object> refused = annotator.post("query($p: ID!) { nextTask(projectId: $p) { id } }", Map.of("p", projectId));
        assertThat(String.valueOf(refused.get("errors"))).contains("FORBIDDEN");
        assertThat(workspaceIds(annotator, false)).isEmpty();
        assertThat(workspaceIds(manager, false)).containsExactly(ws);
    }

    @Test
    void aManagerWorksOnlyInWorkspacesTheyBelongTo() {
        String mine = createWorkspace(owner, "Mine");
        String theirs = createWorkspace(owner, "Theirs");
        assertThat(error(addMembers(owner, mine, manager.userId))).isNull();

        Map<String, Object> created = createProjectIn(manager, mine);
        assertThat(error(created)).isNull();
        String projectId = (String) ((Map<?, ?>) created.get("project")).get("id");

        long before = events();
        long projects = jdbc.queryForObject("SELECT count(*) FROM rm_project WHERE organization_id = ?", Long.class, owner.organizationId);
        assertThat(error(createProjectIn(manager, theirs))).isEqualTo("FORBIDDEN:workspaceId");
        assertThat(error(addMembers(manager, theirs, annotator.userId))).isEqualTo("FORBIDDEN:workspaceId");
        Map<String, Object> move = payload(manager.post("mutation($i: MoveProjectInput!) { moveProject(input: $i) { project { id } errors { code field } } }",
                Map.of("i", Map.of("projectId", projectId, "workspaceId", theirs))), "moveProject");
        assertThat(error(move)).isEqualTo("FORBIDDEN:workspaceId");
        // the policy refuses before any resolver runs
        assertThat(error(payload(manager.post("mutation { createWorkspace(input: {name: \"Mine too\"}) { errors { code field } } }", Map.of()),
                "createWorkspace"))).startsWith("FORBIDDEN:");
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_project WHERE organization_id = ?", Long.class, owner.organizationId)).isEqualTo(projects);

        // a Manager adds people to their own workspace, and moves between workspaces they belong to
        assertThat(error(addMembers(manager, mine, annotator.userId))).isNull();
        assertThat(error(addMembers(owner, theirs, manager.userId))).isNull();
        Map<String, Object> moved = payload(manager.post("mutation($i: MoveProjectInput!) { moveProject(input: $i) { project { workspace { name } } errors { code } } }",
                Map.of("i", Map.of("projectId", projectId, "workspaceId", theirs))), "moveProject");
        assertThat(error(moved)).isNull();
        assertThat(((Map<?, ?>) ((Map<?, ?>) moved.get("project")).get("workspace")).get("name")).isEqualTo("Theirs");
    }

    @Test
    void namesAreUniqueArchivedWorkspacesTakeNoProjectsAndOtherOrganizationsSeeNothing() {
        String ws = createWorkspace(owner, "Retail");
        Map<String, Object> dup = payload(owner.post("mutation { createWorkspace(input: {name: \" retail \"}) { errors { code field } } }", Map.of()), "createWorkspace");
        assertThat(error(dup)).isEqualTo("CONFLICT:name");

        Map<String, Object> archived = payload(owner.post("mutation($i: ArchiveWorkspaceInput!) { archiveWorkspace(input: $i) { workspace { archived } errors { code } } }",
                Map.of("i", Map.of("workspaceId", ws, "archived", true))), "archiveWorkspace");
        assertThat(((Map<?, ?>) archived.get("workspace")).get("archived")).isEqualTo(true);
        assertThat(error(createProjectIn(owner, ws))).isEqualTo("CONFLICT:workspaceId");
        assertThat(workspaceIds(owner, false)).doesNotContain(ws);
        assertThat(workspaceIds(owner, true)).contains(ws);

        ApiClient stranger = ApiClient.signUp(port, "Stranger");
        long before = events();
        assertThat(payload(stranger.post("query($w: ID!) { workspace(id: $w) { id } }", Map.of("w", ws)), "workspace")).isNull();
        assertThat(error(addMembers(stranger, ws, stranger.userId))).isEqualTo("NOT_FOUND:workspaceId");
        assertThat(error(createProjectIn(stranger, ws))).isEqualTo("NOT_FOUND:workspaceId");
        String theirProject = stranger.createProject("Theirs", ApiClient.TEXT_CONFIG);
        Map<String, Object> move = payload(owner.post("mutation($i: MoveProjectInput!) { moveProject(input: $i) { errors { code field } } }",
                Map.of("i", Map.of("projectId", theirProject, "workspaceId", ws))), "moveProject");
        assertThat(error(move)).isEqualTo("NOT_FOUND:projectId");
        assertThat(events()).isEqualTo(before + 1); // only the stranger's own project
    }
}
