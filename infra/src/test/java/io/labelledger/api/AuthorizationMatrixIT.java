package io.labelledger.api;

import io.labelledger.api.authorization.Rules;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The authorization table, generated into tests: every operation of rules.csv × the five organization roles × (a
 * project the caller is a member of with project role Annotator, one where their project role is Reviewer, one they
 * reach only through a workspace, another project of the organization, a project of another organization), called
 * over HTTP (WebSocket for subscriptions) against the running application. Expected: "allow" is never refused, "deny"
 * always is, "member" only in the caller's projects, "reviewer" only where the caller's effective project role is
 * Reviewer (their project role; through a workspace: their organization role, ADR 0021); another organization's
 * objects are never shown to anybody.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends IntegrationTest {
    enum Target {
        /** every caller is a project member with project role Annotator */
        OWN_PROJECT,
        /** every caller is a project member with project role Reviewer */
        OWN_PROJECT_AS_REVIEWER,
        /** no caller is a project member; all reach it through its workspace */
        WORKSPACE_PROJECT,
        OTHER_PROJECT, OTHER_ORGANIZATION
    }

    enum Outcome { ALLOWED, FORBIDDEN, NOT_FOUND }

    @LocalServerPort
    int port;

    final Map<OrganizationRole, ApiClient> callers = new EnumMap<>(OrganizationRole.class);
    final Map<Target, Map<String, Object>> variables = new EnumMap<>(Target.class);
    Map<String, String> documents;

    @BeforeAll
    void organizationWithEveryRole() throws IOException {
        documents = documents();
        ApiClient owner = ApiClient.signUp(port, "Owner");
        callers.put(OrganizationRole.OWNER, owner);
        for (OrganizationRole role : List.of(OrganizationRole.ADMIN, OrganizationRole.MANAGER, OrganizationRole.REVIEWER, OrganizationRole.ANNOTATOR)) {
            callers.put(role, ApiClient.signUpWithInvitation(port, role.name(), owner.invite(role.name())));
        }
        ApiClient target = ApiClient.signUpWithInvitation(port, "Target", owner.invite("ANNOTATOR"));

        String own = project(owner);
        String reviewing = project(owner);
        for (ApiClient member : callers.values()) {
            for (var projectRole : List.of(Map.entry(own, "ANNOTATOR"), Map.entry(reviewing, "REVIEWER"))) {
                owner.graphql().document("""
                                mutation($i: ProjectMemberInput!) { addProjectMember(input: $i) { errors { code } } }""")
                     .variable("i", Map.of("projectId", projectRole.getKey(), "userId", member.userId, "role", projectRole.getValue())).execute()
                     .path("addProjectMember.errors").entityList(Object.class).satisfies(e -> assertThat(e).hasSizeLessThanOrEqualTo(1));
            }
        }
        String other = project(owner);
        ApiClient stranger = ApiClient.signUp(port, "Stranger");
        String foreign = project(stranger);

        String workspace = owner.graphql().document("""
                        mutation { createWorkspace(input: {name: "Matrix"}) { workspace { id } } }""")
                                .execute().path("createWorkspace.workspace.id").entity(String.class).get();
        List<String> everybody = callers.values().stream().map(c -> c.userId).toList();
        owner.graphql().document("""
                        mutation($i: WorkspaceMembersInput!) { addWorkspaceMembers(input: $i) { errors { code } } }""")
             .variable("i", Map.of("workspaceId", workspace, "userIds", everybody)).execute()
             .path("addWorkspaceMembers.errors").entityList(Object.class).hasSize(0);

        String inWorkspace = owner.graphql().document("""
                        mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } errors { code } } }""")
                .variable("i", Map.of("title", "Matrix", "labelConfig", ApiClient.TEXT_CONFIG, "workspaceId", workspace)).execute()
                .path("createProject.project.id").entity(String.class).get();

        variables.put(Target.OWN_PROJECT, vars(own, task(owner, own), target.userId, workspace, null));
        variables.put(Target.OWN_PROJECT_AS_REVIEWER, vars(reviewing, task(owner, reviewing), target.userId, workspace, null));
        // moveProject keeps this one in its workspace
        variables.put(Target.WORKSPACE_PROJECT, vars(inWorkspace, task(owner, inWorkspace), target.userId, workspace, workspace));
        variables.put(Target.OTHER_PROJECT, vars(other, task(owner, other), target.userId, workspace, null));
        variables.put(Target.OTHER_ORGANIZATION, vars(foreign, task(stranger, foreign), stranger.userId, workspace, null));
    }

    @TestFactory
    List<DynamicTest> everyOperationForEveryRoleAndTarget() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rules.Rule rule : Rules.load().all().values()) {
            for (OrganizationRole role : OrganizationRole.values()) {
                List<Target> targets = rule.scope().kind() == Rules.Scope.Kind.NONE ? List.of(Target.OWN_PROJECT) : List.of(Target.values());
                for (Target target : targets) {
                    Outcome expected = expected(rule, role, target);
                    tests.add(DynamicTest.dynamicTest(rule.operation() + " as " + role + " on " + target + " → " + expected, () -> {
                        String document = documents.get(rule.operation());
                        assertThat(document).as("a sample call for " + rule.operation() + " in authorization/operations.graphql").isNotNull();
                        Outcome actual = rule.operation().startsWith("Subscription.")
                                ? subscribe(callers.get(role), document, variables.get(target))
                                : call(callers.get(role), rule.operation(), document, variables.get(target));
                        // an allowed call may still answer "not found" (e.g. a random annotation id): it must not be refused
                        if (expected == Outcome.ALLOWED) assertThat(actual).as("not refused").isNotEqualTo(Outcome.FORBIDDEN);
                        else assertThat(actual).isEqualTo(expected);
                    }));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(100);
        return tests;
    }

    static Outcome expected(Rules.Rule rule, OrganizationRole role, Target target) {
        Rules.Access access = rule.of(role);
        if (access == Rules.Access.DENY) return Outcome.FORBIDDEN;
        if (target == Target.OTHER_ORGANIZATION) return Outcome.NOT_FOUND;
        if (access == Rules.Access.MEMBER && target == Target.OTHER_PROJECT) return Outcome.FORBIDDEN;
        if (access == Rules.Access.REVIEWER) {
            boolean reviews = switch (target) {
                case OWN_PROJECT_AS_REVIEWER -> true;                        // project role Reviewer, whatever the organization role
                case OWN_PROJECT -> false;                                   // project role Annotator, even for an organization Reviewer
                case WORKSPACE_PROJECT -> role == OrganizationRole.REVIEWER; // no project role: the organization role decides
                case OTHER_PROJECT, OTHER_ORGANIZATION -> false;
            };
            return reviews ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        }
        return Outcome.ALLOWED;
    }

    /** The project-role dimension is really exercised: both organization roles meet both outcomes of a "reviewer" rule. */
    @org.junit.jupiter.api.Test
    void reviewerRulesDependOnTheProjectRoleNotOnlyOnTheOrganizationRole() {
        Rules.Rule review = Rules.load().get("Mutation.reviewAnnotation");
        assertThat(review.of(OrganizationRole.REVIEWER)).isEqualTo(Rules.Access.REVIEWER);
        assertThat(review.of(OrganizationRole.ANNOTATOR)).isEqualTo(Rules.Access.REVIEWER);
        for (OrganizationRole role : List.of(OrganizationRole.REVIEWER, OrganizationRole.ANNOTATOR)) {
            assertThat(expected(review, role, Target.OWN_PROJECT_AS_REVIEWER)).isEqualTo(Outcome.ALLOWED);
            assertThat(expected(review, role, Target.OWN_PROJECT)).isEqualTo(Outcome.FORBIDDEN);
        }
        assertThat(expected(review, OrganizationRole.REVIEWER, Target.WORKSPACE_PROJECT)).isEqualTo(Outcome.ALLOWED);
        assertThat(expected(review, OrganizationRole.ANNOTATOR, Target.WORKSPACE_PROJECT)).isEqualTo(Outcome.FORBIDDEN);
    }

    @SuppressWarnings("unchecked")
    Outcome call(ApiClient caller, String operation, String document, Map<String, Object> vars) {
        Map<String, Object> answer = caller.post(document, vars);
        String field = operation.substring(operation.indexOf('.') + 1);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getOrDefault("errors", List.of());
        boolean forbidden = errors.stream().anyMatch(e -> e.get("extensions") instanceof Map<?, ?> x && "FORBIDDEN".equals(x.get("classification")));
        Map<String, Object> data = (Map<String, Object>) answer.get("data");
        Object value = data == null ? null : data.get(field);
        if (value instanceof Map<?, ?> payload && payload.get("errors") instanceof List<?> userErrors) {
            List<String> codes = userErrors.stream().map(e -> (String) ((Map<String, Object>) e).get("code")).toList();
            if (codes.contains("FORBIDDEN")) return Outcome.FORBIDDEN;
            if (codes.contains("NOT_FOUND")) return Outcome.NOT_FOUND;
            return Outcome.ALLOWED;
        }
        if (forbidden) return Outcome.FORBIDDEN;
        assertThat(errors).as(operation + " answered " + answer).allSatisfy(e -> assertThat(String.valueOf(e.get("message"))).doesNotContain("Internal"));
        if (value == null || (value instanceof List<?> list && list.isEmpty())) return Outcome.NOT_FOUND;
        return Outcome.ALLOWED;
    }

    Outcome subscribe(ApiClient caller, String document, Map<String, Object> vars) {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                                                              .headers(h -> h.add(HttpHeaders.COOKIE, caller.cookie)).build();
        try {
            var request = socket.document(document);
            for (var v : vars.entrySet()) request = request.variable(v.getKey(), v.getValue());
            Boolean ended = request.executeSubscription().toFlux()
                                   .take(Duration.ofMillis(1500)).then(reactor.core.publisher.Mono.just(true))
                                   .timeout(Duration.ofMillis(1400), reactor.core.publisher.Mono.just(false))
                                   .block(Duration.ofSeconds(10));
            // an allowed subscription stays open; one of another organization ends at once without rows
            return Boolean.TRUE.equals(ended) ? Outcome.NOT_FOUND : Outcome.ALLOWED;
        } catch (SubscriptionErrorException e) {
            boolean forbidden = e.getErrors().stream().anyMatch(err -> String.valueOf(err.getErrorType()).contains("FORBIDDEN")
                    || "FORBIDDEN".equals(String.valueOf(err.getExtensions().get("classification"))));
            if (!forbidden) throw new AssertionError("subscription failed otherwise: " + e.getErrors());
            return Outcome.FORBIDDEN;
        } finally {
            socket.stop().block(Duration.ofSeconds(5));
        }
    }

    String project(ApiClient user) {
        return user.graphql().document("""
                        mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } errors { code } } }""")
                   .variable("i", Map.of("title", "Matrix", "labelConfig", ApiClient.TEXT_CONFIG)).execute()
                   .path("createProject.project.id").entity(String.class).get();
    }

    String task(ApiClient user, String projectId) {
        user.graphql().document("mutation($i: ImportTasksInput!) { importTasks(input: $i) { importedCount } }")
            .variable("i", Map.of("projectId", projectId, "json", "[{\"text\":\"a\"}]")).execute()
            .path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> user.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 1) { edges { node { id } } } } }")
                .variable("id", projectId).execute().path("project.tasks.edges[0].node.id").entity(String.class).get(), id -> id != null);
    }

    static Map<String, Object> vars(String project, String task, String user, String workspace, String moveTo) {
        Map<String, Object> vars = new java.util.HashMap<>(Map.of("project", project, "task", task, "user", user,
                "annotation", UUID.randomUUID().toString(), "workspace", workspace));
        vars.put("moveTo", moveTo); // null: out of any workspace
        return vars;
    }

    static Map<String, String> documents() throws IOException {
        try (InputStream in = AuthorizationMatrixIT.class.getClassLoader().getResourceAsStream("authorization/operations.graphql")) {
            Map<String, String> docs = new LinkedHashMap<>();
            String current = null;
            StringBuilder text = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("### ")) {
                    if (current != null) docs.put(current, text.toString().strip());
                    current = line.substring(4).strip();
                    text.setLength(0);
                } else if (current != null) {
                    text.append(line).append('\n');
                }
            }
            if (current != null) docs.put(current, text.toString().strip());
            return docs;
        }
    }
}
