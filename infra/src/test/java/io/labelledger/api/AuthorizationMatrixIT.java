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
 * The authorization table, generated into tests: every row of rules.csv (GraphQL root fields, nested fields, REST
 * endpoints) × the five organization roles × (a project the caller is a member of with project role Annotator, one
 * where their project role is Reviewer, one they reach only through a workspace, another project of the
 * organization, a project of another organization), called over HTTP (WebSocket for subscriptions) against the
 * running application. Expected: "allow" answers a real object of the caller's organization (not merely "not
 * refused": {@link #MAY_ANSWER_NOT_FOUND} lists the few exceptions and why), "deny" is always refused, "member" only in
 * the caller's projects, "reviewer" only where the caller's effective project role is Reviewer (ADR 0021); another
 * organization's objects are never shown to anybody. The security-relevant rows are not taken from rules.csv but from
 * {@link #SECURITY}, written by hand: a row of rules.csv edited from deny to allow fails here.
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

    /** NOT_FOUND: null, empty, or a NOT_FOUND error; REFUSED_OTHERWISE: a user error other than FORBIDDEN / NOT_FOUND. */
    enum Outcome { ALLOWED, FORBIDDEN, NOT_FOUND, REFUSED_OTHERWISE }

    /**
     * The security-relevant rules, written by hand and independent of rules.csv (Owner, Admin, Manager, Reviewer,
     * Annotator; "any": not pinned here). Who reads the audit log, manages members and invitations, mints tokens,
     * rebuilds, exports and configures SSO / LDAP / SCIM / sessions.
     */
    static final Map<String, String> SECURITY = Map.ofEntries(
            Map.entry("Query.auditLog", "allow,allow,deny,deny,deny"),
            Map.entry("Query.members", "allow,allow,allow,deny,deny"),
            Map.entry("Workspace.members", "allow,allow,allow,deny,deny"),
            Map.entry("Query.invitations", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.createInvitation", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.revokeInvitation", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.changeMemberRole", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.deactivateMember", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.reactivateMember", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.createApiToken", "allow,allow,allow,allow,allow"), // one's own, in one's organization
            Map.entry("Query.scimTokens", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.createScimToken", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.revokeScimToken", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.createExport", "allow,allow,member,deny,deny"),
            Map.entry("GET /api/projects/{id}/export", "allow,allow,member,deny,deny"),
            Map.entry("GET /api/exports/{id}/download", "allow,allow,member,deny,deny"),
            Map.entry("Mutation.importTasks", "allow,allow,member,deny,deny"),
            Map.entry("POST /api/projects/{id}/imports", "allow,allow,member,deny,deny"),
            Map.entry("Query.ssoSettings", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.configureSso", "allow,allow,deny,deny,deny"),
            Map.entry("Query.ldapSettings", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.configureLdap", "allow,allow,deny,deny,deny"),
            Map.entry("Query.sessionPolicy", "allow,allow,deny,deny,deny"),
            Map.entry("Mutation.setSessionPolicy", "allow,allow,deny,deny,deny"),
            Map.entry("Query.auditChain", "allow,allow,deny,deny,deny"),
            Map.entry("GET /api/audit/export", "allow,allow,deny,deny,deny"),
            // Label Studio's REST API (ADR 0050): integer ids, the same rules as their GraphQL twins
            Map.entry("GET /ls/api/projects/{id}", "allow,allow,member,member,member"),
            Map.entry("POST /ls/api/projects", "allow,allow,allow,deny,deny"),
            Map.entry("PATCH /ls/api/projects/{id}", "allow,allow,member,deny,deny"),
            Map.entry("DELETE /ls/api/projects/{id}", "allow,allow,member,deny,deny"),
            Map.entry("GET /ls/api/users", "allow,allow,allow,deny,deny"),
            Map.entry("GET /ls/api/tasks", "allow,allow,member,member,member"),
            Map.entry("GET /ls/api/tasks/{id}", "allow,allow,member,member,member"),
            Map.entry("POST /ls/api/tasks", "allow,allow,member,deny,deny"),
            Map.entry("DELETE /ls/api/tasks/{id}", "allow,allow,member,deny,deny"),
            Map.entry("POST /ls/api/projects/{id}/import", "allow,allow,member,deny,deny"),
            Map.entry("PATCH /ls/api/annotations/{id}", "allow,allow,member,member,member"),
            Map.entry("DELETE /ls/api/annotations/{id}", "allow,allow,member,member,member"),
            Map.entry("POST /ls/api/predictions", "allow,allow,member,deny,deny"),
            Map.entry("POST /ls/api/projects/{id}/import/predictions", "allow,allow,member,deny,deny"),
            Map.entry("DELETE /ls/api/predictions/{id}", "allow,allow,member,deny,deny"),
            Map.entry("GET /ls/api/projects/{id}/export", "allow,allow,member,deny,deny"),
            Map.entry("POST /ls/api/projects/{id}/exports", "allow,allow,member,deny,deny"),
            Map.entry("GET /ls/api/projects/{id}/exports/{export_pk}/download", "allow,allow,member,deny,deny"));

    /**
     * Allowed calls that may answer "not found" (or a domain refusal) instead of a real object, and why. Every other
     * allowed call must answer one. Keys: an operation, or operation@ROLE.
     */
    static final String BLIND = "blind labeling (the projects' default): another member's annotation, and so its comments, is not found for who annotates there; BlindLabelingIT comments with the setting off and on";

    static final Map<String, String> MAY_ANSWER_NOT_FOUND = Map.ofEntries(
            Map.entry("Query.nextTask", "the label stream hands each task to as many people as its overlap (1 here) asks, and the five roles share "
                    + "two free tasks per project; labelStream answers its state for everybody, LabelStreamIT hands out for real"),
            Map.entry("POST /api/session/organization", "switching would replace the session the matrix goes on with; MultiOrganizationIT switches for real"),
            Map.entry("POST /api/session/invitation", "joining takes a fresh invitation of another organization per call; MultiOrganizationIT joins for real"),
            Map.entry("Query.importJob@MANAGER", "Managers see their own jobs only; the fixture's job is the Owner's"),
            Map.entry("Query.importJobs@MANAGER", "Managers see their own jobs only; the fixture's job is the Owner's"),
            Map.entry("Query.exportJob@MANAGER", "Managers see their own jobs only; the fixture's job is the Owner's"),
            Map.entry("Query.exportJobs@MANAGER", "Managers see their own jobs only; the fixture's job is the Owner's"),
            Map.entry("GET /api/exports/{id}/download@MANAGER", "Managers download their own jobs only; the fixture's job is the Owner's"),
            Map.entry("Subscription.importJob@MANAGER", "Managers follow their own jobs only; the fixture's job is the Owner's"),
            Map.entry("Query.ssoSettings", "single sign-on needs an identity provider's metadata; SamlSsoIT configures one for real"),
            Map.entry("Mutation.configureSso", "single sign-on needs an identity provider's metadata; SamlSsoIT configures one for real"),
            Map.entry("Mutation.refreshSsoMetadata", "single sign-on needs an identity provider's metadata; SamlSsoIT configures one for real"),
            Map.entry("Query.ldapSettings", "no directory is configured when it runs; LdapIT configures one for real"),
            Map.entry("Mutation.configureLdap", "the sample's directory is on loopback, which the directory address policy may refuse; LdapIT configures a real one"),
            Map.entry("Mutation.markNotificationsRead", "its payload carries only a count (0 for the matrix's callers); NotificationIT marks real notifications"),
            Map.entry("Mutation.verifyEmailDomain", "needs the domain's DNS TXT record, which the matrix does not publish; the identity tests verify one"),
            Map.entry("Query.bulkTaskJob", "a job is its creator's and the matrix names none; BulkTaskIT follows real ones"),
            Map.entry("Subscription.bulkTaskJob", "a job is its creator's and the matrix names none; BulkTaskIT follows real ones"),
            Map.entry("Mutation.deleteProject", "deleting the fixture project would end the matrix: the sample types a wrong title; DangerZoneIT deletes for real"),
            Map.entry("DELETE /ls/api/projects/{id}", "deleting the fixture project would end the matrix: the sample confirms a wrong title; LabelStudioProjectsIT deletes for real"),
            Map.entry("GET /ls/api/projects/{id}/exports/{export_pk}@MANAGER", "Managers see their own jobs only; the fixture's job is the Owner's"),
            Map.entry("GET /ls/api/projects/{id}/exports/{export_pk}/download@MANAGER", "Managers download their own jobs only; the fixture's job is the Owner's"),
            Map.entry("POST /ls/api/tasks/{id}/annotations", "each task takes as many annotations as its overlap (1 here) and the fixture's are taken; LabelStudioTasksIT annotates for real"),
            Map.entry("GET /ls/api/annotations/{id}@REVIEWER", BLIND),
            Map.entry("GET /ls/api/annotations/{id}@ANNOTATOR", BLIND),
            Map.entry("Mutation.addComment@REVIEWER", BLIND),
            Map.entry("Mutation.addComment@ANNOTATOR", BLIND),
            Map.entry("Mutation.resolveComment@REVIEWER", BLIND),
            Map.entry("Mutation.resolveComment@ANNOTATOR", BLIND),
            Map.entry("Mutation.reopenComment@REVIEWER", BLIND),
            Map.entry("Mutation.reopenComment@ANNOTATOR", BLIND),
            Map.entry("Mutation.deleteComment@REVIEWER", BLIND),
            Map.entry("Mutation.deleteComment@ANNOTATOR", BLIND));

    @LocalServerPort
    int port;

    final Map<OrganizationRole, ApiClient> callers = new EnumMap<>(OrganizationRole.class);
    final Map<Target, Map<String, Object>> variables = new EnumMap<>(Target.class);
    final Map<OrganizationRole, Map<String, Object>> roleVariables = new EnumMap<>(OrganizationRole.class);
    /** The caller's own annotation per (role, target), from their submitAnnotation. */
    final Map<String, String> ownAnnotations = new java.util.concurrent.ConcurrentHashMap<>();
    /** The caller's own comment per (role, target), from their addComment (resolved, reopened, deleted by them). */
    final Map<String, String> ownComments = new java.util.concurrent.ConcurrentHashMap<>();
    /** Data Manager tabs saved by each role on each target (saveDataManagerTab), reordered and deleted after. */
    final Map<String, String> ownTabs = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicInteger passedOnNotFound = new java.util.concurrent.atomic.AtomicInteger();
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
        ApiClient author = ApiClient.signUpWithInvitation(port, "Author", owner.invite("ANNOTATOR")); // writes the annotation under review

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

        variables.put(Target.OWN_PROJECT, vars(owner, author, own, target.userId, workspace, null));
        variables.put(Target.OWN_PROJECT_AS_REVIEWER, vars(owner, author, reviewing, target.userId, workspace, null));
        // moveProject keeps this one in its workspace
        variables.put(Target.WORKSPACE_PROJECT, vars(owner, author, inWorkspace, target.userId, workspace, workspace));
        variables.put(Target.OTHER_PROJECT, vars(owner, author, other, target.userId, workspace, null));
        variables.put(Target.OTHER_ORGANIZATION, vars(stranger, stranger, foreign, stranger.userId, workspace, null));

        for (var entry : callers.entrySet()) {
            Map<String, Object> mine = new java.util.HashMap<>();
            mine.put("apiToken", entry.getValue().graphql().document("mutation { createApiToken(input: {name: \"revoked by the matrix\"}) { apiToken { id } } }")
                                      .execute().path("createApiToken.apiToken.id").entity(String.class).get());
            mine.put("invitation", owner.graphql().document("mutation { createInvitation(input: {role: ANNOTATOR}) { invitation { id } } }")
                                        .execute().path("createInvitation.invitation.id").entity(String.class).get());
            mine.put("scimToken", owner.graphql().document("mutation { createScimToken(input: {name: \"matrix\"}) { scimToken { id } } }")
                                       .execute().path("createScimToken.scimToken.id").entity(String.class).get());
            mine.put("otherOrganization", stranger.organizationId);
            mine.put("projectUser", ApiClient.signUpWithInvitation(port, "Member" + entry.getKey(), owner.invite("ANNOTATOR")).userId);
            mine.put("workspaceName", "Matrix workspace of " + entry.getKey());
            roleVariables.put(entry.getKey(), mine);
        }
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
                        Map<String, Object> vars = variables(role, target);
                        Outcome actual = switch (rule.kind()) {
                            case REST -> rest(callers.get(role), document, vars);
                            case NESTED, ROOT -> rule.operation().startsWith("Subscription.")
                                    ? subscribe(callers.get(role), document, vars)
                                    : call(callers.get(role), rule.operation(), document, vars, role, target);
                        };
                        if (expected == Outcome.ALLOWED && actual != Outcome.ALLOWED) {
                            String reason = MAY_ANSWER_NOT_FOUND.getOrDefault(rule.operation() + "@" + role, MAY_ANSWER_NOT_FOUND.get(rule.operation()));
                            assertThat(reason).as(rule.operation() + " as " + role + " on " + target + " is allowed and must answer a real object, answered "
                                    + actual).isNotNull();
                            assertThat(actual).as("not refused").isNotEqualTo(Outcome.FORBIDDEN);
                            passedOnNotFound.incrementAndGet();
                        } else {
                            assertThat(actual).isEqualTo(expected);
                        }
                    }));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(100);
        allowedCases = tests.stream().filter(t -> t.getDisplayName().endsWith("→ ALLOWED")).count();
        return tests;
    }

    long allowedCases;

    /** A figure for the log (no test: it can only pass): how many allowed calls used an exemption. */
    @org.junit.jupiter.api.AfterAll
    void reportExemptions() {
        org.slf4j.LoggerFactory.getLogger(AuthorizationMatrixIT.class).info("{} of {} allowed calls answered no object (exemptions)",
                passedOnNotFound.get(), allowedCases);
    }

    static Outcome expected(Rules.Rule rule, OrganizationRole role, Target target) {
        Rules.Access access = handWritten(rule.operation(), role).orElse(rule.of(role));
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

    static java.util.Optional<Rules.Access> handWritten(String operation, OrganizationRole role) {
        String row = SECURITY.get(operation);
        if (row == null) return java.util.Optional.empty();
        String cell = row.split(",")[role.ordinal()];
        return cell.equals("any") ? java.util.Optional.empty() : java.util.Optional.of(Rules.Access.valueOf(cell.toUpperCase(java.util.Locale.ROOT)));
    }

    /** rules.csv and the hand-written expectation agree (checked without the server too, so a flip fails fast). */
    @org.junit.jupiter.api.Test
    void theSecurityRelevantRowsAreAsWrittenByHand() {
        assertThat(List.of(OrganizationRole.values())).containsExactly(OrganizationRole.OWNER, OrganizationRole.ADMIN,
                OrganizationRole.MANAGER, OrganizationRole.REVIEWER, OrganizationRole.ANNOTATOR);
        Rules rules = Rules.load();
        for (String operation : SECURITY.keySet()) {
            Rules.Rule rule = rules.get(operation);
            assertThat(rule).as(operation + " in rules.csv").isNotNull();
            for (OrganizationRole role : OrganizationRole.values()) {
                handWritten(operation, role).ifPresent(access -> assertThat(rule.of(role)).as(operation + " for " + role).isEqualTo(access));
            }
        }
    }

    /**
     * SCIM decides by its token, not by an organization role: a token acts in its own organization only. Another
     * organization's token reads, filters, changes and deactivates none of this organization's members (not found,
     * nothing written); the organization's own token does (the control). SAML: SamlSsoIT refuses assertions for
     * another organization's service provider (audience and issuer are the organization's own).
     */
    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void scimTokensOfAnotherOrganizationReachNoMember() {
        ApiClient owner = callers.get(OrganizationRole.OWNER);
        ApiClient stranger = ApiClient.signUp(port, "ScimStranger");
        String mine = owner.graphql().document("mutation { createScimToken(input: {name: \"own\"}) { token } }").execute()
                           .path("createScimToken.token").entity(String.class).get();
        String theirs = stranger.graphql().document("mutation { createScimToken(input: {name: \"foreign\"}) { token } }").execute()
                                .path("createScimToken.token").entity(String.class).get();
        org.springframework.http.MediaType scim = org.springframework.http.MediaType.parseMediaType("application/scim+json");
        String email = "scim-victim-" + UUID.randomUUID() + "@example.test";
        Map<String, Object> created = ApiClient.web(port).post().uri("/scim/v2/Users").header(HttpHeaders.AUTHORIZATION, "Bearer " + mine)
                .contentType(scim).bodyValue(Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", email,
                        "name", Map.of("givenName", "Vic", "familyName", "Tim"), "active", true))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String victim = (String) created.get("id");

        ApiClient.web(port).get().uri("/scim/v2/Users/" + victim).header(HttpHeaders.AUTHORIZATION, "Bearer " + theirs)
                 .exchange().expectStatus().isNotFound();
        Map<String, Object> search = ApiClient.web(port).get().uri(u -> u.path("/scim/v2/Users").queryParam("filter", "userName eq \"" + email + "\"").build())
                 .header(HttpHeaders.AUTHORIZATION, "Bearer " + theirs).exchange().expectStatus().isOk()
                 .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) search.get("totalResults")).intValue()).isZero();
        ApiClient.web(port).patch().uri("/scim/v2/Users/" + victim).header(HttpHeaders.AUTHORIZATION, "Bearer " + theirs).contentType(scim)
                 .bodyValue(Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                         "Operations", List.of(Map.of("op", "replace", "path", "active", "value", false))))
                 .exchange().expectStatus().isNotFound();
        ApiClient.web(port).delete().uri("/scim/v2/Users/" + victim).header(HttpHeaders.AUTHORIZATION, "Bearer " + theirs)
                 .exchange().expectStatus().isNotFound();
        // untouched: the organization's own token still reads an active member
        Map<String, Object> after = ApiClient.web(port).get().uri("/scim/v2/Users/" + victim).header(HttpHeaders.AUTHORIZATION, "Bearer " + mine)
                 .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(after).containsEntry("active", true).containsEntry("userName", email);
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

    Map<String, Object> variables(OrganizationRole role, Target target) {
        Map<String, Object> vars = new java.util.HashMap<>(variables.get(target));
        vars.putAll(roleVariables.get(role));
        vars.put("annotation", ownAnnotations.getOrDefault(role + "@" + target, UUID.randomUUID().toString()));
        vars.put("comment", ownComments.getOrDefault(role + "@" + target, UUID.randomUUID().toString()));
        vars.put("tab", ownTabs.getOrDefault(role + "@" + target, UUID.randomUUID().toString()));
        vars.put("spareTaskInt", ((List<?>) vars.get("spareTasks")).get(role.ordinal()));
        vars.put("sparePredictionInt", ((List<?>) vars.get("sparePredictions")).get(role.ordinal()));
        return vars;
    }

    @SuppressWarnings("unchecked")
    Outcome call(ApiClient caller, String operation, String document, Map<String, Object> vars, OrganizationRole role, Target target) {
        String path = operation.substring(operation.indexOf('.') + 1);
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("(?m)^#> (\\S+)$").matcher(document);
        if (at.find()) path = at.group(1);
        Map<String, Object> answer = caller.post(document, used(document, vars));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getOrDefault("errors", List.of());
        boolean forbidden = errors.stream().anyMatch(e -> e.get("extensions") instanceof Map<?, ?> x && "FORBIDDEN".equals(x.get("classification")));
        if (forbidden) return Outcome.FORBIDDEN;
        assertThat(errors).as(operation + " answered " + answer).allSatisfy(e -> assertThat(String.valueOf(e.get("message"))).doesNotContain("Internal"));
        Object value = answer.get("data");
        for (String part : path.split("\\.")) value = value instanceof Map<?, ?> m ? m.get(part) : null;
        if (value instanceof Map<?, ?> payload && payload.get("errors") instanceof List<?> userErrors) {
            List<String> codes = userErrors.stream().map(e -> (String) ((Map<String, Object>) e).get("code")).toList();
            if (codes.contains("FORBIDDEN")) return Outcome.FORBIDDEN;
            if (codes.contains("NOT_FOUND")) return Outcome.NOT_FOUND;
            if (!codes.isEmpty()) return Outcome.REFUSED_OTHERWISE;
            // a payload that holds nothing but its errors (signOutEverywhere, changePassword) answered by having none
            boolean answered = payload.size() == 1 || payload.entrySet().stream().anyMatch(e -> !e.getKey().equals("errors") && e.getValue() != null
                    && !(e.getValue() instanceof Boolean b && !b) && !(e.getValue() instanceof Number n && n.intValue() == 0));
            if (answered && operation.equals("Mutation.submitAnnotation") && payload.get("annotation") instanceof Map<?, ?> a) {
                ownAnnotations.put(role + "@" + target, (String) a.get("id"));
            }
            if (answered && operation.equals("Mutation.addComment") && payload.get("comment") instanceof Map<?, ?> c) {
                ownComments.put(role + "@" + target, (String) c.get("id"));
            }
            if (answered && operation.equals("Mutation.saveDataManagerTab") && payload.get("tab") instanceof Map<?, ?> t) {
                ownTabs.put(role + "@" + target, (String) t.get("id"));
            }
            return answered ? Outcome.ALLOWED : Outcome.NOT_FOUND;
        }
        if (value == null || (value instanceof List<?> list && list.isEmpty())) return Outcome.NOT_FOUND;
        return Outcome.ALLOWED;
    }

    /** Only the variables a document declares. */
    static Map<String, Object> used(String document, Map<String, Object> vars) {
        Map<String, Object> used = new java.util.HashMap<>();
        vars.forEach((k, v) -> { if (document.contains("$" + k + ":")) used.put(k, v); });
        return used;
    }

    /** A REST row: 2xx answered; 403 FORBIDDEN; 404 not found; a typed refusal reached only past the policy and the object counts as answered. */
    @SuppressWarnings("unchecked")
    Outcome rest(ApiClient caller, String document, Map<String, Object> vars) {
        String[] lines = substitute(document, vars).split("\n", 2);
        String[] request = lines[0].strip().split(" ", 2);
        var spec = ApiClient.web(port).method(org.springframework.http.HttpMethod.valueOf(request[0])).uri(java.net.URI.create("http://127.0.0.1:" + port + request[1]))
                            .header(HttpHeaders.COOKIE, caller.cookie);
        var exchange = lines.length > 1 && !lines[1].isBlank()
                ? spec.contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(lines[1].strip()).exchange()
                : spec.exchange();
        var result = exchange.expectBody(byte[].class).returnResult();
        int status = result.getStatus().value();
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(status).as(lines[0] + " answered " + status + " " + body).isNotEqualTo(500);
        if (status / 100 == 2) return Outcome.ALLOWED;
        if (body.contains("\"URL_REFUSED\"") || body.contains("\"MEDIA_PROXY_OFF\"")) return Outcome.ALLOWED; // past the policy, at the project's data
        if (body.contains("\"NOT_AUTHOR\"")) return Outcome.ALLOWED; // past the policy, refused by the annotation's own rule (Label Studio's 403)
        if (status == 403) return Outcome.FORBIDDEN;
        if (status == 404) return Outcome.NOT_FOUND;
        return Outcome.REFUSED_OTHERWISE;
    }

    static String substitute(String text, Map<String, Object> vars) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$(\\w+)").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(String.valueOf(vars.getOrDefault(m.group(1), m.group()))));
        return m.appendTail(out).toString();
    }

    Outcome subscribe(ApiClient caller, String document, Map<String, Object> vars) {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                                                              .headers(h -> h.add(HttpHeaders.COOKIE, caller.cookie)).build();
        try {
            var request = socket.document(document);
            for (var v : used(document, vars).entrySet()) request = request.variable(v.getKey(), v.getValue());
            java.util.concurrent.atomic.AtomicInteger rows = new java.util.concurrent.atomic.AtomicInteger();
            Boolean ended = request.executeSubscription().toFlux().doOnNext(row -> rows.incrementAndGet())
                                   .take(Duration.ofMillis(1500)).then(reactor.core.publisher.Mono.just(true))
                                   .timeout(Duration.ofMillis(1400), reactor.core.publisher.Mono.just(false))
                                   .block(Duration.ofSeconds(10));
            // an allowed subscription delivers the object's state or stays open for changes; one of another
            // organization ends at once without rows
            return rows.get() > 0 || !Boolean.TRUE.equals(ended) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
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

    /**
     * Three tasks: the matrix's, one the author annotated (for review and ground truth; the author is a project
     * member, so every project has members) and one more the author annotated (the review queue); the owner's finished
     * import and export jobs.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> vars(ApiClient owner, ApiClient author, String project, String user, String workspace, String moveTo) {
        owner.graphql().document("mutation($i: ImportTasksInput!) { importTasks(input: $i) { importedCount } }")
            .variable("i", Map.of("projectId", project, "json", "[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]")).execute()
            .path("importTasks.importedCount").entity(Integer.class).isEqualTo(3);
        List<String> tasks = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> owner.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 3, orderBy: {field: NUMBER, direction: ASC}) { edges { node { id } } } } }")
                .variable("id", project).execute().path("project.tasks.edges[*].node.id").entityList(String.class).get(), ids -> ids.size() == 3);
        // a task per role for Label Studio's DELETE /ls/api/tasks/{id} (ADR 0050): each allowed call deletes one
        // and a task with a prediction per role, for DELETE /ls/api/predictions/{id}
        String prediction = "{\"result\":[{\"from_name\":\"sentiment\",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{\"choices\":[\"Positive\"]}}]}";
        owner.graphql().document("mutation($i: ImportTasksInput!) { importTasks(input: $i) { importedCount } }")
             .variable("i", Map.of("projectId", project, "json", "[{\"text\":\"s1\"},{\"text\":\"s2\"},{\"text\":\"s3\"},{\"text\":\"s4\"},{\"text\":\"s5\"},"
                     + "{\"data\":{\"text\":\"predicted\"},\"predictions\":[" + String.join(",", java.util.Collections.nCopies(5, prediction)) + "]}]"))
             .execute().path("importTasks.importedCount").entity(Integer.class).isEqualTo(6);
        List<Long> numbered = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> owner.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 9, orderBy: {field: NUMBER, direction: ASC}) { edges { node { intId } } } } }")
                .variable("id", project).execute().path("project.tasks.edges[*].node.intId").entityList(Long.class).get(), ids -> ids.size() == 9);
        List<Long> spareTasks = numbered.subList(3, 8);
        Map<String, Object> predicted = (Map<String, Object>) ApiClient.web(port).get().uri("/ls/api/tasks/" + numbered.get(8))
                .header(HttpHeaders.COOKIE, owner.cookie).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Long> sparePredictions = ((List<Map<String, Object>>) predicted.get("predictions")).stream()
                .map(p -> ((Number) p.get("id")).longValue()).toList();
        if (author != owner) {
            owner.addProjectMember(project, author.userId, "ANNOTATOR");
        }
        String ownerAnnotation = author.graphql().document("""
                        mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }""")
                .variable("i", Map.of("taskId", tasks.get(1), "result", List.of(Map.of("from_name", "sentiment", "to_name", "text",
                        "type", "choices", "value", Map.of("choices", List.of("Positive")))))).execute()
                .path("submitAnnotation.annotation.id").entity(String.class).get();
        // a third task stays in the review queue after reviewAnnotation has reviewed the second: nextReviewTask answers it
        author.graphql().document("mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { annotation { id } errors { code } } }")
              .variable("i", Map.of("taskId", tasks.get(2), "result", List.of(Map.of("from_name", "sentiment", "to_name", "text",
                      "type", "choices", "value", Map.of("choices", List.of("Negative")))))).execute()
              .path("submitAnnotation.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> upload = (Map<String, Object>) ApiClient.web(port).post().uri("/api/projects/" + project + "/imports?format=JSON")
                .header(HttpHeaders.COOKIE, owner.cookie).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("[{\"text\":\"c\"}]").exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        String exportJob = owner.graphql().document("mutation($p: ID!) { createExport(input: {projectId: $p, format: JSON}) { job { id } } }")
                .variable("p", project).execute().path("createExport.job.id").entity(String.class).get();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "COMPLETED".equals(owner.graphql()
                .document("query($id: ID!) { exportJob(id: $id) { state } }").variable("id", exportJob).execute()
                .path("exportJob.state").entity(String.class).get()));
        Map<String, Object> vars = new java.util.HashMap<>(Map.of("project", project, "task", tasks.get(0), "reviewTask", tasks.get(1),
                "ownerAnnotation", ownerAnnotation, "user", user, "workspace", workspace, "importJob", upload.get("id"), "exportJob", exportJob));
        // Label Studio's REST API names them by integer (ADR 0050): another organization's number is guessable
        vars.put("projectInt", owner.graphql().document("query($id: ID!) { project(id: $id) { intId } }").variable("id", project).execute()
                                    .path("project.intId").entity(Long.class).get());
        List<Map<String, Object>> snapshots = (List<Map<String, Object>>) ApiClient.web(port).get().uri("/ls/api/projects/" + vars.get("projectInt") + "/exports")
                .header(HttpHeaders.COOKIE, owner.cookie).exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        vars.put("exportJobInt", ((Number) snapshots.getFirst().get("id")).longValue()); // the owner's finished job, $exportJob
        vars.put("taskInt", owner.graphql().document("query($id: ID!) { task(id: $id) { intId } }").variable("id", tasks.get(0)).execute()
                                 .path("task.intId").entity(Long.class).get());
        vars.put("spareTasks", spareTasks);
        vars.put("predictedTaskInt", numbered.get(8));
        vars.put("sparePredictions", sparePredictions);
        vars.put("reviewTaskInt", owner.graphql().document("query($id: ID!) { task(id: $id) { intId } }").variable("id", tasks.get(1)).execute()
                                       .path("task.intId").entity(Long.class).get());
        vars.put("ownerAnnotationInt", owner.graphql().document("query($id: ID!) { task(id: $id) { annotations { id intId } } }")
                                            .variable("id", tasks.get(1)).execute()
                                            .path("task.annotations[?(@.id == '" + ownerAnnotation + "')].intId").entityList(Long.class).get().getFirst());
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
