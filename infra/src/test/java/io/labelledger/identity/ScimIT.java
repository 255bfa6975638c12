package io.labelledger.identity;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SCIM 2.0 over real HTTP with real tokens: provisioning, deprovisioning, groups, filters, ETags, isolation. */
class ScimIT extends IntegrationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ACCESS = "urn:labelledger:params:scim:schemas:extension:2.0:GroupAccess";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient owner;
    String token;

    @BeforeEach
    void setUp() {
        owner = ApiClient.signUp(port, "Olivia");
        token = scimToken(owner);
    }

    String scimToken(ApiClient admin) {
        return admin.graphql().document("mutation { createScimToken(input: {name: \"Okta\"}) { token scimToken { id } errors { code } } }")
                    .execute().path("createScimToken.errors").entityList(Object.class).hasSize(0)
                    .path("createScimToken.token").entity(String.class).get();
    }

    record Answer(int status, JsonNode body, HttpHeaders headers) {
        String etag() { return headers.getETag(); }

        String scimType() { return body.path("scimType").asString(null); }
    }

    Answer scim(String bearer, HttpMethod method, String path, Object body, Map<String, String> headers) {
        WebTestClient.RequestBodySpec request = ApiClient.web(port).method(method)
                .uri(java.net.URI.create("http://127.0.0.1:" + port + "/scim/v2" + path)); // path is encoded already
        if (bearer != null) request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        headers.forEach(request::header);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.parseMediaType("application/scim+json")).bodyValue(body instanceof String s ? s : JSON.writeValueAsString(body));
        EntityExchangeResult<byte[]> r = ready.exchange().expectBody().returnResult();
        byte[] bytes = r.getResponseBody();
        JsonNode json = bytes == null || bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
        if (r.getStatus().value() >= 400 || (bytes != null && bytes.length > 0)) {
            assertThat(r.getResponseHeaders().getContentType()).hasToString("application/scim+json");
        }
        if (r.getStatus().value() >= 400) {
            assertThat(json.path("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(json.path("status").asString()).isEqualTo(String.valueOf(r.getStatus().value()));
        }
        return new Answer(r.getStatus().value(), json, r.getResponseHeaders());
    }

    Answer get(String path) { return scim(token, HttpMethod.GET, path, null, Map.of()); }

    Answer post(String path, Object body) { return scim(token, HttpMethod.POST, path, body, Map.of()); }

    Answer patch(String path, String ifMatch, List<Map<String, Object>> ops) {
        return scim(token, HttpMethod.PATCH, path, Map.of("schemas", List.of(PATCH_OP), "Operations", ops),
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    static Map<String, Object> user(String email, String given, String family) {
        return Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", email,
                "name", Map.of("givenName", given, "familyName", family), "externalId", "okta-" + given, "active", true);
    }

    static String email(String name) { return name + "-" + UUID.randomUUID() + "@example.test"; }

    String createUser(String name) {
        Answer a = post("/Users", user(email(name), name, "Test"));
        assertThat(a.status()).isEqualTo(201);
        return a.body().get("id").asString();
    }

    /** The member's role and active flag as an Owner sees them in GraphQL; null when not a member. */
    @SuppressWarnings("unchecked")
    Map<String, Object> member(String userId) {
        Map<String, Object> answer = owner.post("{ members { userId role active email } }", Map.of());
        List<Map<String, Object>> members = (List<Map<String, Object>>) ((Map<String, Object>) answer.get("data")).get("members");
        return members.stream().filter(m -> userId.equals(m.get("userId"))).findFirst().orElse(null);
    }

    long events() { return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class); }

    long refusals() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.labelledger.identity.api.OperationRefused'", Long.class);
    }

    int graphqlStatus(String header) {
        return ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .header(header.startsWith("SESSION") ? HttpHeaders.COOKIE : HttpHeaders.AUTHORIZATION, header)
                        .bodyValue(Map.of("query", "{ me { id } }")).exchange().expectBody(String.class).returnResult().getStatus().value();
    }

    // ---- tests ------------------------------------------------------------------------------------------------

    @Test
    void aProvisionedPersonIsAMemberWithoutAPasswordAndDeprovisioningStopsThemAtOnce() {
        assertThat(token).startsWith("lls_");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scim_token WHERE token_hash = ?", Integer.class, token)).isZero();

        // a new person: a member, visible to the Owner; no password, so no sign-in without the IdP
        String mail = email("Nora");
        Answer created = post("/Users", user(mail, "Nora", "Newcomer"));
        assertThat(created.status()).isEqualTo(201);
        String nora = created.body().get("id").asString();
        assertThat(created.body().get("userName").asString()).isEqualTo(mail);
        assertThat(created.body().at("/meta/version").asString()).isEqualTo("W/\"1\"").isEqualTo(created.etag());
        assertThat(created.headers().getLocation()).hasToString("http://127.0.0.1:" + port + "/scim/v2/Users/" + nora);
        assertThat(member(nora)).containsEntry("role", "ANNOTATOR").containsEntry("active", true).containsEntry("email", mail.toLowerCase());
        assertThat(ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("email", mail, "password", "!scim")).exchange().expectBody(String.class).returnResult().getStatus().value())
                .isEqualTo(401);
        assertThat(get("/Users/" + nora).body().get("name").get("familyName").asString()).isEqualTo("Newcomer");

        // somebody who already works here with a personal account (own session and API token) is not linked (ADR 0026):
        // the provider's person is an identity bound to this organization, and deprovisioning it leaves Ann alone
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("REVIEWER"));
        String annEmail = ann.graphql().document("{ me { email } }").execute().path("me.email").entity(String.class).get();
        String apiToken = ann.graphql().document("mutation { createApiToken(input: {name: \"ci\"}) { token } }").execute()
                             .path("createApiToken.token").entity(String.class).get();
        Answer bound = post("/Users", user(annEmail.toUpperCase(), "Ann", "Existing"));
        assertThat(bound.status()).isEqualTo(201);
        String boundId = bound.body().get("id").asString();
        assertThat(boundId).isNotEqualTo(ann.userId);
        assertThat(jdbc.queryForObject("SELECT home_organization_id FROM user_account WHERE user_id = ?", String.class, boundId))
                .isEqualTo(owner.organizationId);
        assertThat(get("/Users/" + ann.userId).status()).isEqualTo(404);

        Answer off = patch("/Users/" + boundId, bound.etag(), List.of(Map.of("op", "replace", "path", "active", "value", false)));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body().get("active").asBoolean()).isFalse();
        assertThat(off.etag()).isEqualTo("W/\"2\"");
        assertThat(member(boundId)).containsEntry("active", false);
        assertThat(member(ann.userId)).containsEntry("role", "REVIEWER").containsEntry("active", true);
        assertThat(graphqlStatus(ann.cookie)).isEqualTo(200);
        assertThat(graphqlStatus("Bearer " + apiToken)).isEqualTo(200);

        // DELETE deprovisions too, and keeps the account and the history
        assertThat(scim(token, HttpMethod.DELETE, "/Users/" + nora, null, Map.of()).status()).isEqualTo(204);
        assertThat(get("/Users/" + nora).status()).isEqualTo(404);
        assertThat(member(nora)).containsEntry("active", false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_account WHERE user_id = ?", Integer.class, nora)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE actor_id LIKE 'scim:%' AND organization_id = ?",
                Integer.class, owner.organizationId)).isPositive();
    }

    @Test
    void aPersonOfAnotherOrganizationIsNeverLinkedNorTouchedNorRevealed() {
        ApiClient bob = ApiClient.signUp(port, "Bob"); // Owner of his own organization
        String bobEmail = bob.graphql().document("{ me { email } }").execute().path("me.email").entity(String.class).get();
        Answer bound = post("/Users", user(bobEmail, "Bob", "Elsewhere"));
        assertThat(bound.status()).isEqualTo(201);
        assertThat(bound.body().get("id").asString()).isNotEqualTo(bob.userId);
        assertThat(bound.body().toString()).doesNotContain(bob.organizationId).doesNotContain("Bob Labs").doesNotContain(bob.userId);
        assertThat(patch("/Users/" + bob.userId, null, List.of(Map.of("op", "replace", "path", "active", "value", false))).status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_org_member WHERE organization_id = ? AND user_id = ?", Long.class,
                owner.organizationId, bob.userId)).isZero();

        // Bob's own organization is untouched: he is still its active Owner, his session works
        assertThat(bob.graphql().document("{ me { role organization { id } } }").execute().path("me.role").entity(String.class).get())
                .isEqualTo("OWNER");
        assertThat(graphqlStatus(bob.cookie)).isEqualTo(200);
    }

    /** Issue 9, item 3: an Admin's SCIM token may not touch an Owner (the same aggregate rule as GraphQL's). */
    @Test
    void anAdminsScimTokenCannotDeactivateAnOwner() {
        String olga = createUser("Olga");
        assertThat(owner.post("mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { errors { code } } }",
                Map.of("i", Map.of("userId", olga, "role", "OWNER"))).toString()).contains("errors=[]");
        ApiClient admin = ApiClient.signUpWithInvitation(port, "Adam", owner.invite("ADMIN"));
        String adminToken = scimToken(admin);
        long before = events();
        long refusalsBefore = refusals();

        Answer refused = scim(adminToken, HttpMethod.PATCH, "/Users/" + olga, Map.of("schemas", List.of(PATCH_OP),
                "Operations", List.of(Map.of("op", "replace", "path", "active", "value", false))), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(scim(adminToken, HttpMethod.DELETE, "/Users/" + olga, null, Map.of()).status()).isEqualTo(403);
        assertThat(member(olga)).containsEntry("role", "OWNER").containsEntry("active", true);
        Answer olgaNow = get("/Users/" + olga);
        assertThat(olgaNow.body().get("active").asBoolean()).isTrue();
        assertThat(olgaNow.etag()).isEqualTo("W/\"1\""); // the refused changes were undone, version included
        // nothing changed but the audit trail: each refused request is an OperationRefused entry (issue 9, item 13)
        assertThat(events() - refusals()).isEqualTo(before - refusalsBefore);
        List<Map<String, Object>> audited = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'operation' AS operation, convert_from(payload, 'UTF8')::jsonb ->> 'targetId' AS target,
                       convert_from(payload, 'UTF8')::jsonb ->> 'by' AS by, convert_from(meta_data, 'UTF8')::jsonb ->> 'actorId' AS actor
                FROM domain_event_entry WHERE payload_type = 'io.labelledger.identity.api.OperationRefused' ORDER BY global_index DESC LIMIT 2""");
        assertThat(audited).extracting(r -> r.get("operation"))
                           .containsExactlyInAnyOrder("SCIM PATCH /scim/v2/Users/{id}", "SCIM DELETE /scim/v2/Users/{id}");
        assertThat(audited).allSatisfy(r -> {
            assertThat(r.get("target")).isEqualTo(olga);
            assertThat(r.get("by")).isEqualTo(admin.userId);
            assertThat((String) r.get("actor")).startsWith("scim:");
        });
        // a script repeating the refused request adds no entry within the minute
        assertThat(scim(adminToken, HttpMethod.DELETE, "/Users/" + olga, null, Map.of()).status()).isEqualTo(403);
        assertThat(refusals()).isEqualTo(refusalsBefore + 2);
        // the Owner's token may
        assertThat(patch("/Users/" + olga, null, List.of(Map.of("op", "replace", "path", "active", "value", false))).status()).isEqualTo(200);
        assertThat(member(olga)).containsEntry("active", false);
    }

    /** Issue 9, item 3: a SCIM token acts with its creator's current rights, checked on every request. */
    @Test
    void aScimTokenDiesWithItsCreatorsRightsAndCannotBringTheCreatorBack() {
        ApiClient admin = ApiClient.signUpWithInvitation(port, "Adele", owner.invite("ADMIN"));
        String adminEmail = admin.graphql().document("{ me { email } }").execute().path("me.email").entity(String.class).get();
        String adminToken = scimToken(admin);
        assertThat(scim(adminToken, HttpMethod.GET, "/Users", null, Map.of()).status()).isEqualTo(200);

        assertThat(owner.post("mutation($i: MemberInput!) { deactivateMember(input: $i) { errors { code } } }",
                Map.of("i", Map.of("userId", admin.userId))).toString()).contains("errors=[]");
        assertThat(scim(adminToken, HttpMethod.GET, "/Users", null, Map.of()).status()).isEqualTo(401);
        Answer comeback = scim(adminToken, HttpMethod.POST, "/Users", user(adminEmail, "Adele", "Back"), Map.of());
        assertThat(comeback.status()).isEqualTo(401);
        assertThat(member(admin.userId)).containsEntry("active", false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_account WHERE email = ?", Long.class, adminEmail.toLowerCase())).isOne();
        assertThat(graphqlStatus(admin.cookie)).isEqualTo(401);

        // reactivated but demoted below Admin: the token stays dead
        owner.post("mutation($i: MemberInput!) { reactivateMember(input: $i) { errors { code } } }", Map.of("i", Map.of("userId", admin.userId)));
        assertThat(scim(adminToken, HttpMethod.GET, "/Users", null, Map.of()).status()).isEqualTo(200);
        assertThat(owner.post("mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { errors { code } } }",
                Map.of("i", Map.of("userId", admin.userId, "role", "MANAGER"))).toString()).contains("errors=[]");
        assertThat(scim(adminToken, HttpMethod.GET, "/Users", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aDuplicateUserNameIsAConflictAndWritesNothing() {
        String mail = email("Dora");
        assertThat(post("/Users", user(mail, "Dora", "One")).status()).isEqualTo(201);
        long before = events();
        Answer again = post("/Users", user(mail.toUpperCase(), "Dora", "Two"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.scimType()).isEqualTo("uniqueness");
        assertThat(events()).isEqualTo(before);
        assertThat(post("/Users", Map.of("userName", "not-an-email")).scimType()).isEqualTo("invalidValue");
        assertThat(post("/Users", "{not json").scimType()).isEqualTo("invalidSyntax");
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        Answer created = post("/Users", user(email("Eve"), "Eve", "Tag"));
        String id = created.body().get("id").asString();
        Answer changed = patch("/Users/" + id, created.etag(), List.of(Map.of("op", "replace", "path", "displayName", "value", "Eve T")));
        assertThat(changed.etag()).isEqualTo("W/\"2\"");

        Answer stale = patch("/Users/" + id, created.etag(), List.of(Map.of("op", "replace", "path", "displayName", "value", "Lost update")));
        assertThat(stale.status()).isEqualTo(412);
        Answer now = get("/Users/" + id);
        assertThat(now.body().get("displayName").asString()).isEqualTo("Eve T");
        assertThat(now.etag()).isEqualTo("W/\"2\"");
        assertThat(scim(token, HttpMethod.GET, "/Users/" + id, null, Map.of("If-None-Match", now.etag())).status()).isEqualTo(304);
        assertThat(scim(token, HttpMethod.GET, "/Users/" + id, null, Map.of("If-None-Match", created.etag())).status()).isEqualTo(200);
        assertThat(scim(token, HttpMethod.DELETE, "/Users/" + id, null, Map.of("If-Match", created.etag())).status()).isEqualTo(412);

        String group = post("/Groups", Map.of("displayName", "Taggers")).body().get("id").asString();
        Answer g = get("/Groups/" + group);
        patch("/Groups/" + group, g.etag(), List.of(Map.of("op", "replace", "path", "displayName", "value", "Renamed")));
        assertThat(patch("/Groups/" + group, g.etag(), List.of(Map.of("op", "replace", "path", "displayName", "value", "Stale"))).status())
                .isEqualTo(412);
        assertThat(get("/Groups/" + group).body().get("displayName").asString()).isEqualTo("Renamed");
    }

    @Test
    void filtersSelectAndInjectionIsAnInvalidFilter() {
        String mail = email("Fay");
        String fay = post("/Users", user(mail, "Fay", "Filter")).body().get("id").asString();
        createUser("Gus");

        Answer byName = get("/Users?filter=" + encode("userName eq \"" + mail.toUpperCase() + "\""));
        assertThat(byName.body().get("totalResults").asInt()).isOne();
        assertThat(byName.body().get("Resources").get(0).get("id").asString()).isEqualTo(fay);
        Answer combined = get("/Users?filter=" + encode("(name.givenName sw \"f\" or name.familyName eq \"nobody\") and not (active eq false)"));
        assertThat(combined.body().get("Resources").findValuesAsString("id")).containsExactly(fay);
        Answer paged = get("/Users?startIndex=2&count=1");
        assertThat(paged.body().get("totalResults").asInt()).isEqualTo(2);
        assertThat(paged.body().get("itemsPerPage").asInt()).isOne();
        assertThat(paged.body().get("startIndex").asInt()).isEqualTo(2);

        long accounts = jdbc.queryForObject("SELECT count(*) FROM user_account", Long.class);
        for (String evil : List.of("userName eq \"x\" or 1=1", "userName eq \"x') OR ('1'='1\"", "password eq \"x\"",
                "passwordHash pr", "userName eq \"a\"; DROP TABLE user_account", "userName co")) {
            Answer a = get("/Users?filter=" + encode(evil));
            if (a.status() == 200) {
                assertThat(a.body().get("totalResults").asInt()).as(evil).isZero(); // a quoted value is only a value
            } else {
                assertThat(a.status()).as(evil).isEqualTo(400);
                assertThat(a.scimType()).as(evil).isEqualTo("invalidFilter");
            }
        }
        assertThat(get("/Users?filter=" + encode("password eq \"x\"")).scimType()).isEqualTo("invalidFilter");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_account", Long.class)).isEqualTo(accounts);
    }

    @Test
    void oneOrganizationsTokenCannotSeeAnothersUsers() {
        String mine = createUser("Hal");
        ApiClient other = ApiClient.signUp(port, "Ivy");
        String otherToken = scimToken(other);
        String theirs = scim(otherToken, HttpMethod.POST, "/Users", user(email("Jon"), "Jon", "Other"), Map.of()).body().get("id").asString();

        assertThat(get("/Users/" + theirs).status()).isEqualTo(404);
        assertThat(scim(otherToken, HttpMethod.GET, "/Users/" + mine, null, Map.of()).status()).isEqualTo(404);
        long before = events();
        assertThat(patch("/Users/" + theirs, null, List.of(Map.of("op", "replace", "path", "active", "value", false))).status()).isEqualTo(404);
        assertThat(scim(token, HttpMethod.DELETE, "/Users/" + theirs, null, Map.of()).status()).isEqualTo(404);
        assertThat(events()).isEqualTo(before);
        assertThat(get("/Users").body().get("Resources").findValuesAsString("id")).contains(mine).doesNotContain(theirs);
        // nor put another organization's user into a group
        assertThat(post("/Groups", Map.of("displayName", "Poach", "members", List.of(Map.of("value", theirs)))).status()).isEqualTo(400);
    }

    @Test
    void onlyLiveScimTokensAreAccepted() {
        String id = owner.graphql().document("{ scimTokens { baseUrl tokens { id } } }").execute()
                         .path("scimTokens.baseUrl").entity(String.class).isEqualTo("/scim/v2")
                         .path("scimTokens.tokens[0].id").entity(String.class).get();
        assertThat(get("/ServiceProviderConfig").status()).isEqualTo(200);

        owner.graphql().document("mutation($id: ID!) { revokeScimToken(input: {id: $id}) { revokedId errors { code } } }")
             .variable("id", id).execute().path("revokeScimToken.revokedId").entity(String.class).isEqualTo(id);
        assertThat(get("/Users").status()).isEqualTo(401);
        assertThat(scim(null, HttpMethod.GET, "/Users", null, Map.of()).status()).isEqualTo(401);
        assertThat(scim("lls_forged", HttpMethod.GET, "/Users", null, Map.of()).status()).isEqualTo(401);
        // a personal API token or a browser session is not a SCIM token
        String apiToken = owner.graphql().document("mutation { createApiToken(input: {name: \"ci\"}) { token } }").execute()
                               .path("createApiToken.token").entity(String.class).get();
        assertThat(scim(apiToken, HttpMethod.GET, "/Users", null, Map.of()).status()).isEqualTo(401);
        assertThat(scim(null, HttpMethod.GET, "/Users", null, Map.of(HttpHeaders.COOKIE, owner.cookie)).status()).isEqualTo(401);
        // and a SCIM token opens nothing else
        assertThat(graphqlStatus("Bearer " + scimToken(owner))).isEqualTo(401);
        // creation and revocation are in the audit trail
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.labelledger.identity.api.ScimTokenRevoked'"
                + " AND position(? in convert_from(payload, 'UTF8')) > 0", Long.class, id)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.labelledger.identity.api.ScimTokenCreated'"
                + " AND position(? in convert_from(payload, 'UTF8')) > 0", Long.class, id)).isOne();
    }

    @Test
    void groupsGiveTheirMembersTheHighestRoleTheyMap() {
        String kim = createUser("Kim");
        assertThat(member(kim)).containsEntry("role", "ANNOTATOR");

        Answer managers = post("/Groups", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group", ACCESS),
                "displayName", "Managers", "members", List.of(Map.of("value", kim)), ACCESS, Map.of("organizationRole", "MANAGER")));
        assertThat(managers.status()).isEqualTo(201);
        String managersId = managers.body().get("id").asString();
        assertThat(managers.body().get("members").get(0).get("value").asString()).isEqualTo(kim);
        assertThat(member(kim)).containsEntry("role", "MANAGER");

        String admins = post("/Groups", Map.of("displayName", "Admins", ACCESS, Map.of("organizationRole", "ADMIN"))).body().get("id").asString();
        assertThat(patch("/Groups/" + admins, null, List.of(Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", kim)))))
                .status()).isEqualTo(200);
        assertThat(member(kim)).containsEntry("role", "ADMIN");
        assertThat(get("/Groups?filter=" + encode("members.value eq \"" + kim + "\"")).body().get("totalResults").asInt()).isEqualTo(2);

        patch("/Groups/" + admins, null, List.of(Map.of("op", "remove", "path", "members[value eq \"" + kim + "\"]")));
        assertThat(member(kim)).containsEntry("role", "MANAGER");
        assertThat(scim(token, HttpMethod.DELETE, "/Groups/" + managersId, null, Map.of()).status()).isEqualTo(204);
        assertThat(member(kim)).containsEntry("role", "ANNOTATOR");
        assertThat(get("/Groups/" + managersId).status()).isEqualTo(404);

        // a group never grants Owner, and an Owner put in a group stays Owner
        assertThat(post("/Groups", Map.of("displayName", "Owners", ACCESS, Map.of("organizationRole", "OWNER"))).status()).isEqualTo(400);
        String ophelia = createUser("Ophelia");
        assertThat(owner.post("mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { errors { code } } }",
                Map.of("i", Map.of("userId", ophelia, "role", "OWNER"))).toString()).contains("errors=[]");
        patch("/Groups/" + admins, null, List.of(Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", ophelia)))));
        assertThat(member(ophelia)).containsEntry("role", "OWNER");
        // the organization's own (personal) Owner is no SCIM user of it: the provider cannot reach them (ADR 0026)
        long before = events();
        assertThat(patch("/Users/" + owner.userId, null, List.of(Map.of("op", "replace", "path", "active", "value", false))).status())
                .isEqualTo(404);
        assertThat(scim(token, HttpMethod.DELETE, "/Users/" + owner.userId, null, Map.of()).status()).isEqualTo(404);
        assertThat(events()).isEqualTo(before);
        assertThat(member(owner.userId)).containsEntry("role", "OWNER").containsEntry("active", true);
    }

    @Test
    void aPatchWithOneBadOperationChangesNothing() {
        Answer created = post("/Users", user(email("Lea"), "Lea", "Atomic"));
        String id = created.body().get("id").asString();
        long before = events();

        Answer refused = patch("/Users/" + id, null, List.of(
                Map.of("op", "replace", "path", "active", "value", false),
                Map.of("op", "replace", "path", "password", "value", "hunter2")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.scimType()).isEqualTo("invalidPath");
        Answer after = get("/Users/" + id);
        assertThat(after.body().get("active").asBoolean()).isTrue();
        assertThat(after.etag()).isEqualTo(created.etag());
        assertThat(member(id)).containsEntry("active", true);
        assertThat(events()).isEqualTo(before);

        String group = post("/Groups", Map.of("displayName", "Atoms")).body().get("id").asString();
        Answer g = get("/Groups/" + group);
        Answer groupRefused = patch("/Groups/" + group, null, List.of(
                Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", id))),
                Map.of("op", "replace", "path", ACCESS + ":organizationRole", "value", "EMPEROR")));
        assertThat(groupRefused.scimType()).isEqualTo("invalidValue");
        assertThat(get("/Groups/" + group).body().get("members")).isEmpty();
        assertThat(get("/Groups/" + group).etag()).isEqualTo(g.etag());
    }

    @Test
    void discoveryDescribesWhatIsSupported() {
        Answer spc = get("/ServiceProviderConfig");
        assertThat(spc.body().at("/patch/supported").asBoolean()).isTrue();
        assertThat(spc.body().at("/filter/supported").asBoolean()).isTrue();
        assertThat(spc.body().at("/etag/supported").asBoolean()).isTrue();
        assertThat(get("/ResourceTypes").body().get("Resources").findValuesAsString("id")).containsExactly("User", "Group");
        assertThat(get("/ResourceTypes/Group").body().get("schemaExtensions").get(0).get("schema").asString()).isEqualTo(ACCESS);
        assertThat(get("/Schemas").body().get("totalResults").asInt()).isEqualTo(3);
        assertThat(get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").body().get("name").asString()).isEqualTo("User");
        assertThat(get("/Schemas/nope").status()).isEqualTo(404);
    }

    @Test
    void requestsNoHandlerServesAreStillAnsweredAsScimErrors() {
        assertThat(get("/Nope").status()).isEqualTo(404);
        assertThat(scim(token, HttpMethod.PATCH, "/ServiceProviderConfig", Map.of(), Map.of()).status()).isEqualTo(405);
        assertThat(post("/Users", "{\"userName\":\"" + "x".repeat(2_000_000) + "@example.test\"}").status()).isEqualTo(413);
        assertThat(post("/Users", null).scimType()).isEqualTo("invalidSyntax");
    }

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    io.labelledger.organization.directory.DirectoryProjection directory;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void redeliveredGroupEventsChangeNothingInTheDirectory() {
        String a = createUser("Mia");
        String b = createUser("Ned");
        String group = post("/Groups", Map.of("displayName", "Replay", "members", List.of(Map.of("value", a)),
                ACCESS, Map.of("organizationRole", "REVIEWER"))).body().get("id").asString();
        patch("/Groups/" + group, null, List.of(Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", b))),
                Map.of("op", "remove", "path", "members", "value", List.of(Map.of("value", a))),
                Map.of("op", "replace", "path", "displayName", "value", "Replayed")));
        List<Map<String, Object>> before = groupRows(group);
        assertThat(before).singleElement().satisfies(row -> assertThat(row).containsEntry("user_id", b).containsEntry("display_name", "Replayed"));

        var handler = new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(directory);
        eventStore.readEvents(group).asStream().forEach(event -> tx.executeWithoutResult(s -> {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));

        assertThat(groupRows(group)).isEqualTo(before);
    }

    List<Map<String, Object>> groupRows(String group) {
        return jdbc.queryForList("""
                SELECT g.display_name, g.role, g.deleted, g.last_seq, g.last_modified, gm.user_id
                FROM rm_group g LEFT JOIN rm_group_member gm ON gm.group_id = g.group_id WHERE g.group_id = ? ORDER BY gm.user_id""", group);
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
