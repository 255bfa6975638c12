package io.labelledger.identity;

import io.labelledger.testing.ApiClient;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.labelledger.testing.IntegrationTest;
import io.labelledger.testing.TestDns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCIM groups that grant workspaces (docs/adr/0020) and projects with a project role (docs/adr/0023), over real HTTP:
 * members of the group see the workspace's projects or join the project, leaving the group takes away only what the
 * group granted, a person's own change is kept, and bad workspace or project ids are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimGroupGrantsIT extends IntegrationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ACCESS = "urn:labelledger:params:scim:schemas:extension:2.0:GroupAccess";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient owner;
    ApiClient ann;
    ApiClient bob;
    String token;

    static final String BASE = "dc=grants,dc=test";
    InMemoryDirectoryServer directory;

    /** The organization's directory, where the people SCIM provisions sign in (their identities are bound to it). */
    @BeforeAll
    void directory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: grants");
        directory.startListening();
    }

    @AfterAll
    void stopDirectory() {
        directory.shutDown(true);
    }

    @BeforeEach
    void setUp() throws Exception {
        owner = ApiClient.signUp(port, "Olivia");
        token = owner.graphql().document("mutation { createScimToken(input: {name: \"Okta\"}) { token errors { code } } }")
                     .execute().path("createScimToken.errors").entityList(Object.class).hasSize(0)
                     .path("createScimToken.token").entity(String.class).get();
        // the provider provisions Ann and Bob (identities bound to this organization, docs/adr/0026); they sign in
        // through the organization's directory, whose domain it verified
        String domain = "grants-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Map<String, Object> ldap = new HashMap<>(Map.of("enabled", true, "emailDomain", domain, "url", "ldap://127.0.0.1:" + directory.getListenPort(),
                "userBaseDn", BASE, "defaultRole", "ANNOTATOR", "roleMappings", List.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> verification = (Map<String, Object>) ((Map<String, Object>) payload(owner.post("""
                mutation($i: ConfigureLdapInput!) { configureLdap(input: $i) { settings { domainVerification { record value } } errors { code } } }""",
                Map.of("i", ldap)), "configureLdap").get("settings")).get("domainVerification");
        TestDns.get().publishTxt((String) verification.get("record"), (String) verification.get("value"));
        assertThat(payload(owner.post("mutation($d: String!) { verifyEmailDomain(input: {domain: $d}) { errors { code } } }", Map.of("d", domain)),
                "verifyEmailDomain").get("errors")).isEqualTo(List.of());
        ann = provisionAndSignIn("ann", domain);
        bob = provisionAndSignIn("bob", domain);
    }

    ApiClient provisionAndSignIn(String name, String domain) throws Exception {
        String email = name + "@" + domain;
        String uid = name + "-" + domain;
        directory.add("dn: uid=" + uid + "," + BASE, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name, "sn: " + name,
                "mail: " + email, "userPassword: " + name + "-directory-pw");
        Answer a = scim(HttpMethod.POST, "/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", email, "active", true));
        assertThat(a.status()).isEqualTo(201);
        ApiClient signedIn = ApiClient.signIn(port, email, name + "-directory-pw");
        assertThat(signedIn.userId).isEqualTo(a.body().get("id").asString()); // the directory signs in SCIM's identity
        return signedIn;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    record Answer(int status, JsonNode body) {
        String scimType() { return body.path("scimType").asString(null); }
    }

    Answer scim(HttpMethod method, String path, Object body) {
        var request = ApiClient.web(port).method(method).uri("/scim/v2" + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        var ready = body == null ? request
                : request.contentType(MediaType.parseMediaType("application/scim+json")).bodyValue(JSON.writeValueAsString(body));
        EntityExchangeResult<byte[]> r = ready.exchange().expectBody().returnResult();
        byte[] bytes = r.getResponseBody();
        return new Answer(r.getStatus().value(), bytes == null || bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes));
    }

    Answer createGroup(String name, List<String> members, List<String> workspaces) {
        return scim(HttpMethod.POST, "/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group", ACCESS),
                "displayName", name, "members", members.stream().map(m -> Map.of("value", m)).toList(),
                ACCESS, Map.of("workspaces", workspaces)));
    }

    Answer patchGroup(String id, List<Map<String, Object>> ops) {
        return scim(HttpMethod.PATCH, "/Groups/" + id, Map.of("schemas", List.of(PATCH_OP), "Operations", ops));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(Map<String, Object> answer, String field) {
        assertThat(answer.get("errors")).as("GraphQL errors in " + answer).isNull();
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
    }

    String createWorkspace(String name) {
        Map<String, Object> p = payload(owner.post("mutation($n: String!) { createWorkspace(input: {name: $n}) { workspace { id } errors { code } } }",
                Map.of("n", name)), "createWorkspace");
        assertThat((List<?>) p.get("errors")).isEmpty();
        return (String) ((Map<?, ?>) p.get("workspace")).get("id");
    }

    String createProjectIn(String workspace) {
        Map<String, Object> input = new HashMap<>(Map.of("title", "In " + workspace, "labelConfig", ApiClient.TEXT_CONFIG));
        input.put("workspaceId", workspace);
        Map<String, Object> p = payload(owner.post("mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } errors { code } } }",
                Map.of("i", input)), "createProject");
        return (String) ((Map<?, ?>) p.get("project")).get("id");
    }

    @SuppressWarnings("unchecked")
    List<String> projectIds(ApiClient actor) {
        Map<String, Object> connection = payload(actor.post("{ projects { edges { node { id } } } }", Map.of()), "projects");
        return ((List<Map<String, Object>>) connection.get("edges")).stream().map(e -> (String) ((Map<?, ?>) e.get("node")).get("id")).toList();
    }

    long events() { return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class); }

    // ---- tests ------------------------------------------------------------------------------------------------

    @Test
    void aGroupsWorkspaceGivesItsMembersTheProjectsUntilTheyLeaveTheGroup() {
        String ws = createWorkspace("Radiology");
        String project = createProjectIn(ws);
        assertThat(projectIds(ann)).isEmpty();

        // given a group granting the workspace, when Ann is in it, then she sees its projects
        Answer group = createGroup("Radiologists", List.of(ann.userId), List.of(ws));
        assertThat(group.status()).isEqualTo(201);
        assertThat(group.body().path(ACCESS).path("workspaces").get(0).asString()).isEqualTo(ws);
        String groupId = group.body().get("id").asString();
        assertThat(projectIds(ann)).containsExactly(project);
        assertThat(projectIds(bob)).isEmpty();

        // the directory and the audit trail know SCIM granted it
        assertThat(jdbc.queryForObject("SELECT grant_source FROM rm_workspace_member WHERE workspace_id = ? AND user_id = ?",
                String.class, ws, ann.userId)).isEqualTo("SCIM");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%WorkspaceMemberAdded'
                AND convert_from(meta_data, 'UTF8') ~ '"grant" *: *"SCIM"' AND convert_from(meta_data, 'UTF8') LIKE '%scim:%'""",
                Long.class)).isGreaterThanOrEqualTo(1);

        // PATCH: Bob joins, Ann leaves -> the access follows
        Answer moved = patchGroup(groupId, List.of(
                Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", bob.userId))),
                Map.of("op", "remove", "path", "members[value eq \"" + ann.userId + "\"]")));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().path(ACCESS).path("workspaces").get(0).asString()).as("a members PATCH keeps the grants").isEqualTo(ws);
        assertThat(projectIds(bob)).containsExactly(project);
        assertThat(projectIds(ann)).isEmpty();

        // when the group stops granting the workspace, Bob loses it; deleting the group changes nothing more
        Answer dropped = patchGroup(groupId, List.of(Map.of("op", "replace", "path", ACCESS + ":workspaces", "value", List.of())));
        assertThat(dropped.status()).isEqualTo(200);
        assertThat(projectIds(bob)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHandAddedMemberStaysWhenTheGroupLetsGo() {
        String ws = createWorkspace("Legal");
        String project = createProjectIn(ws);
        // given Ann added by hand, and Ann and Bob in a group that grants the same workspace
        Map<String, Object> added = payload(owner.post("mutation($i: WorkspaceMembersInput!) { addWorkspaceMembers(input: $i) { errors { code } } }",
                Map.of("i", Map.of("workspaceId", ws, "userIds", List.of(ann.userId)))), "addWorkspaceMembers");
        assertThat((List<?>) added.get("errors")).isEmpty();
        Answer group = createGroup("Lawyers", List.of(ann.userId, bob.userId), List.of(ws));
        assertThat(group.status()).isEqualTo(201);
        assertThat(projectIds(bob)).containsExactly(project);
        // the Workspaces page tells them apart: Bob came from the group, Ann was added by hand
        Map<String, Object> workspace = payload(owner.post("query($id: ID!) { workspace(id: $id) { memberCount memberGrants { userId source } } }",
                Map.of("id", ws)), "workspace");
        assertThat(workspace.get("memberCount")).isEqualTo(2);
        assertThat((List<Object>) workspace.get("memberGrants")).containsExactly((Object) Map.of("userId", bob.userId, "source", "SCIM"));

        // when the group is deleted, SCIM withdraws only its own grant: Bob leaves, Ann stays
        assertThat(scim(HttpMethod.DELETE, "/Groups/" + group.body().get("id").asString(), null).status()).isEqualTo(204);
        assertThat(projectIds(bob)).isEmpty();
        assertThat(projectIds(ann)).containsExactly(project);
    }

    @Test
    void twoGroupsGrantingOneWorkspaceKeepItUntilTheLastLetsGo() {
        String ws = createWorkspace("Vision");
        String project = createProjectIn(ws);
        String first = createGroup("First", List.of(ann.userId), List.of(ws)).body().get("id").asString();
        String second = createGroup("Second", List.of(ann.userId), List.of(ws)).body().get("id").asString();
        assertThat(projectIds(ann)).containsExactly(project);

        assertThat(scim(HttpMethod.DELETE, "/Groups/" + first, null).status()).isEqualTo(204);
        assertThat(projectIds(ann)).containsExactly(project);
        assertThat(scim(HttpMethod.DELETE, "/Groups/" + second, null).status()).isEqualTo(204);
        assertThat(projectIds(ann)).isEmpty();
    }

    @Test
    void workspacesMustBeThisOrganizationsAndARefusalWritesNothing() {
        String ws = createWorkspace("Mine");
        ApiClient stranger = ApiClient.signUp(port, "Sven");
        Map<String, Object> p = payload(stranger.post("mutation { createWorkspace(input: {name: \"Theirs\"}) { workspace { id } } }", Map.of()),
                "createWorkspace");
        String theirs = (String) ((Map<?, ?>) p.get("workspace")).get("id");
        long before = events();

        for (Object bad : List.of(List.of(theirs), List.of("no-such-workspace"), List.of(ws, theirs), "not-an-array", List.of(42))) {
            Answer refused = scim(HttpMethod.POST, "/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                    "displayName", "Bad", "members", List.of(Map.of("value", ann.userId)), ACCESS, Map.of("workspaces", bad)));
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.scimType()).isEqualTo("invalidValue");
        }
        // and through PATCH on an existing group
        String groupId = createGroup("Fine", List.of(ann.userId), List.of()).body().get("id").asString();
        long afterCreate = events();
        Answer refused = patchGroup(groupId, List.of(Map.of("op", "add", "path", ACCESS + ":workspaces", "value", List.of(theirs))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.scimType()).isEqualTo("invalidValue");
        assertThat(events()).isEqualTo(afterCreate);
        assertThat(afterCreate - before).as("only the valid group was written").isEqualTo(1);
        assertThat(projectIds(ann)).isEmpty();
    }

    // ---- project grants (docs/adr/0023) ------------------------------------------------------------------------

    String createProject(String title) {
        Map<String, Object> p = payload(owner.post("mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } errors { code } } }",
                Map.of("i", Map.of("title", title, "labelConfig", ApiClient.TEXT_CONFIG))), "createProject");
        return (String) ((Map<?, ?>) p.get("project")).get("id");
    }

    static Map<String, Object> grant(String project, String role) { return Map.of("value", project, "role", role); }

    Answer createGroupWithProjects(String name, List<String> members, List<Map<String, Object>> projects) {
        return scim(HttpMethod.POST, "/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group", ACCESS),
                "displayName", name, "members", members.stream().map(m -> Map.of("value", m)).toList(),
                ACCESS, Map.of("projects", projects)));
    }

    /** userId -> "ROLE" or "ROLE/SCIM" as the project Members tab reads them. */
    @SuppressWarnings("unchecked")
    Map<String, String> projectMembers(String project) {
        List<Map<String, Object>> members = (List<Map<String, Object>>) ((Map<String, Object>) owner.post(
                "query($p: ID!) { projectMembers(projectId: $p) { userId role grantSource } }", Map.of("p", project)).get("data")).get("projectMembers");
        Map<String, String> out = new java.util.TreeMap<>();
        members.forEach(m -> out.put((String) m.get("userId"), m.get("role") + (m.get("grantSource") == null ? "" : "/" + m.get("grantSource"))));
        return out;
    }

    @Test
    void groupsGrantProjectsWithTheHighestRoleAmongThemUntilTheyLetGo() {
        String project = createProject("Tumours");
        // given a group making Ann a Reviewer of the project
        Answer reviewers = createGroupWithProjects("Reviewers", List.of(ann.userId), List.of(grant(project, "REVIEWER")));
        assertThat(reviewers.status()).isEqualTo(201);
        assertThat(reviewers.body().path(ACCESS).path("projects").get(0).path("role").asString()).isEqualTo("REVIEWER");
        String reviewersId = reviewers.body().get("id").asString();
        assertThat(projectIds(ann)).containsExactly(project);
        assertThat(projectMembers(project)).isEqualTo(Map.of(ann.userId, "REVIEWER/SCIM"));

        // when a second group grants the same project as Annotator to Ann and Bob, Ann keeps the higher role
        Answer annotators = createGroupWithProjects("Annotators", List.of(ann.userId, bob.userId), List.of(grant(project, "ANNOTATOR")));
        assertThat(annotators.status()).isEqualTo(201);
        String annotatorsId = annotators.body().get("id").asString();
        assertThat(projectMembers(project)).isEqualTo(Map.of(ann.userId, "REVIEWER/SCIM", bob.userId, "ANNOTATOR/SCIM"));

        // when the first group lowers its grant, Ann follows; a members-only PATCH keeps the grants
        Answer lowered = patchGroup(reviewersId, List.of(Map.of("op", "replace", "path", ACCESS + ":projects",
                "value", List.of(grant(project, "ANNOTATOR")))));
        assertThat(lowered.status()).isEqualTo(200);
        assertThat(projectMembers(project)).isEqualTo(Map.of(ann.userId, "ANNOTATOR/SCIM", bob.userId, "ANNOTATOR/SCIM"));
        Answer bobLeaves = patchGroup(annotatorsId, List.of(Map.of("op", "remove", "path", "members[value eq \"" + bob.userId + "\"]")));
        assertThat(bobLeaves.status()).isEqualTo(200);
        assertThat(bobLeaves.body().path(ACCESS).path("projects")).hasSize(1);
        assertThat(projectMembers(project)).isEqualTo(Map.of(ann.userId, "ANNOTATOR/SCIM"));
        assertThat(projectIds(bob)).isEmpty();

        // Ann leaves the project only when the last group granting it is gone
        assertThat(scim(HttpMethod.DELETE, "/Groups/" + reviewersId, null).status()).isEqualTo(204);
        assertThat(projectMembers(project)).isEqualTo(Map.of(ann.userId, "ANNOTATOR/SCIM"));
        assertThat(patchGroup(annotatorsId, List.of(Map.of("op", "remove", "path", ACCESS + ":projects"))).status()).isEqualTo(200);
        assertThat(projectMembers(project)).isEmpty();
        assertThat(projectIds(ann)).isEmpty();
        // and the audit trail says SCIM did it
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ProjectMemberRemoved'
                AND convert_from(meta_data, 'UTF8') ~ '"grant" *: *"SCIM"'""", Long.class)).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatAPersonGaveOrChangedByHandIsKept() {
        String project = createProject("Contracts");
        // given Bob added by hand as Annotator, and a group granting the project as Reviewer to Ann and Bob
        Map<String, Object> added = payload(owner.post("mutation($i: ProjectMemberInput!) { addProjectMember(input: $i) { errors { code } } }",
                Map.of("i", Map.of("projectId", project, "userId", bob.userId, "role", "ANNOTATOR"))), "addProjectMember");
        assertThat((List<?>) added.get("errors")).isEmpty();
        String group = createGroupWithProjects("Reviewers", List.of(ann.userId, bob.userId), List.of(grant(project, "REVIEWER")))
                .body().get("id").asString();
        assertThat(projectMembers(project)).as("a hand-made membership keeps its role").isEqualTo(Map.of(ann.userId, "REVIEWER/SCIM", bob.userId, "ANNOTATOR"));

        // when the Owner changes Ann's role by hand, the membership becomes a person's
        Map<String, Object> changed = payload(owner.post("mutation($i: ProjectMemberInput!) { changeProjectRole(input: $i) { errors { code } } }",
                Map.of("i", Map.of("projectId", project, "userId", ann.userId, "role", "ANNOTATOR"))), "changeProjectRole");
        assertThat((List<?>) changed.get("errors")).isEmpty();
        assertThat(projectMembers(project)).isEqualTo(Map.of(ann.userId, "ANNOTATOR", bob.userId, "ANNOTATOR"));

        // then deleting the group takes nobody away
        assertThat(scim(HttpMethod.DELETE, "/Groups/" + group, null).status()).isEqualTo(204);
        assertThat(projectMembers(project)).isEqualTo(Map.of(ann.userId, "ANNOTATOR", bob.userId, "ANNOTATOR"));
    }

    @Test
    void projectsMustBeThisOrganizationsWithAKnownRoleAndARefusalWritesNothing() {
        String project = createProject("Mine");
        ApiClient stranger = ApiClient.signUp(port, "Sven");
        Map<String, Object> p = payload(stranger.post("mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }",
                Map.of("i", Map.of("title", "Theirs", "labelConfig", ApiClient.TEXT_CONFIG))), "createProject");
        String theirs = (String) ((Map<?, ?>) p.get("project")).get("id");
        long before = events();

        for (Object bad : List.of(List.of(grant(theirs, "ANNOTATOR")), List.of(grant("no-such-project", "REVIEWER")),
                List.of(grant(project, "OWNER")), List.of(grant(project, "REVIEWER"), grant(project, "ANNOTATOR")), "not-an-array", List.of(42))) {
            Answer refused = scim(HttpMethod.POST, "/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                    "displayName", "Bad", "members", List.of(Map.of("value", ann.userId)), ACCESS, Map.of("projects", bad)));
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.scimType()).isEqualTo("invalidValue");
        }
        String groupId = createGroupWithProjects("Fine", List.of(ann.userId), List.of()).body().get("id").asString();
        long afterCreate = events();
        Answer refused = patchGroup(groupId, List.of(Map.of("op", "add", "path", ACCESS + ":projects", "value", List.of(grant(theirs, "REVIEWER")))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(afterCreate);
        assertThat(afterCreate - before).as("only the valid group was written").isEqualTo(1);
        assertThat(projectIds(ann)).isEmpty();
        assertThat(projectMembers(project)).isEmpty();
    }
}
