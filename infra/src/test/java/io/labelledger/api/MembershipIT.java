package io.labelledger.api;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitations, role changes and deactivation through the real HTTP stack; attacks write nothing. */
class MembershipIT extends IntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient owner;

    @BeforeEach
    void signUp() {
        owner = ApiClient.signUp(port, "Olivia");
    }

    long events() {
        // refusals are recorded (OperationRefused, ADR 0027); "writes nothing" means no change to anything else
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type <> 'io.labelledger.identity.api.OperationRefused'", Long.class);
    }

    String role(ApiClient user) {
        return user.graphql().document("{ me { role organization { id } } }").execute().path("me.role").entity(String.class).get();
    }

    Map<String, Object> change(ApiClient actor, String userId, String role) {
        return actor.post("mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { member { role } errors { code field } } }",
                Map.of("i", Map.of("userId", userId, "role", role)));
    }

    Map<String, Object> deactivate(ApiClient actor, String userId) {
        return actor.post("mutation($i: MemberInput!) { deactivateMember(input: $i) { member { active } errors { code field } } }",
                Map.of("i", Map.of("userId", userId)));
    }

    @SuppressWarnings("unchecked")
    static String errorCode(Map<String, Object> answer, String field) {
        Map<String, Object> payload = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("errors");
        return errors.isEmpty() ? null : (String) errors.getFirst().get("code");
    }

    int signUpStatus(String invitation) {
        return ApiClient.web(port).post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", "x-" + java.util.UUID.randomUUID() + "@example.test", "password", "correct horse battery",
                                "displayName", "X", "invitation", invitation))
                        .exchange().expectBody(String.class).returnResult().getStatus().value();
    }

    @Test
    void anInvitationJoinsTheInvitingOrganizationOnceWithItsRoleAndItsSecretIsStoredNowhere() {
        String token = owner.invite("REVIEWER");
        assertThat(token).startsWith("lli_");
        ApiClient rita = ApiClient.signUpWithInvitation(port, "Rita", token);

        assertThat(rita.organizationId).isEqualTo(owner.organizationId);
        assertThat(role(rita)).isEqualTo("REVIEWER");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(? in convert_from(payload, 'UTF8')) > 0",
                Integer.class, token.substring(4))).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_invitation WHERE token_hash = ?", Integer.class, token)).isZero();

        long before = events();
        assertThat(signUpStatus(token)).isEqualTo(410); // single use
        assertThat(signUpStatus("lli_unknown")).isEqualTo(404);
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_account WHERE display_name = 'X'", Integer.class)).isZero();

        owner.graphql().document("{ members(filter: {role: REVIEWER}) { userId displayName active } invitations { acceptedBy } }").execute()
             .path("members[*].userId").entityList(String.class).containsExactly(rita.userId)
             .path("invitations[0].acceptedBy").entity(String.class).isEqualTo(rita.userId);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequest() {
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        String create = "mutation { createProject(input: {title: \"Mine\", labelConfig: \"<View/>\"}) { errors { code } } }";
        assertThat(errorCode(ann.post(create, Map.of()), "createProject")).isEqualTo("FORBIDDEN");

        assertThat(errorCode(change(owner, ann.userId, "MANAGER"), "changeMemberRole")).isNull();
        assertThat(role(ann)).isEqualTo("MANAGER");
        // with a valid config the promoted member's create succeeds: the refusal above was the role, nothing else
        Map<String, Object> created = ann.post("mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id title } errors { code } } }",
                Map.of("i", Map.of("title", "Mine", "labelConfig", ApiClient.TEXT_CONFIG)));
        assertThat(errorCode(created, "createProject")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> project = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) created.get("data")).get("createProject")).get("project");
        assertThat(project).containsEntry("title", "Mine").containsKey("id");
    }

    @Test
    void deactivationRefusesSessionsAndRevokesTokensAtOnce() {
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        String token = ann.graphql().document("mutation { createApiToken(input: {name: \"ci\"}) { token } }").execute()
                          .path("createApiToken.token").entity(String.class).get();
        ApiClient.withToken(port, token).document("{ me { id } }").execute().path("me.id").entity(String.class).isEqualTo(ann.userId);

        assertThat(errorCode(deactivate(owner, ann.userId), "deactivateMember")).isNull();

        ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Cookie", ann.cookie)
                 .bodyValue(Map.of("query", "{ me { id } }")).exchange().expectStatus().isUnauthorized();
        ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                 .bodyValue(Map.of("query", "{ me { id } }")).exchange().expectStatus().isUnauthorized();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL", Integer.class, ann.userId)).isZero();
        owner.graphql().document("{ members(filter: {active: false}) { userId } }").execute()
             .path("members[*].userId").entityList(String.class).containsExactly(ann.userId);

        // a token minted while deactivated (through a stale socket, before ADR 0027) dies with the reactivation
        String minted = "llt_minted-while-deactivated-" + java.util.UUID.randomUUID();
        jdbc.update("INSERT INTO api_token (token_id, user_id, organization_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, now())",
                java.util.UUID.randomUUID().toString(), ann.userId, owner.organizationId, "stale socket",
                io.labelledger.identity.account.ApiTokenSecrets.hash(minted));

        // reactivated, the member signs in again (old sessions and tokens stay dead)
        assertThat(errorCode(owner.post("mutation($i: MemberInput!) { reactivateMember(input: $i) { errors { code } } }",
                Map.of("i", Map.of("userId", ann.userId))), "reactivateMember")).isNull();
        ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                 .bodyValue(Map.of("query", "{ me { id } }")).exchange().expectStatus().isUnauthorized();
        ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + minted)
                 .bodyValue(Map.of("query", "{ me { id } }")).exchange().expectStatus().isUnauthorized();
        ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Cookie", ann.cookie)
                 .bodyValue(Map.of("query", "{ me { id } }")).exchange().expectStatus().isUnauthorized();
        String email = jdbc.queryForObject("SELECT email FROM user_account WHERE user_id = ?", String.class, ann.userId);
        String session = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            var login = ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                                 .bodyValue(Map.of("email", email, "password", "correct horse battery")).exchange()
                                 .expectBody(String.class).returnResult();
            var cookie = login.getResponseCookies().getFirst("SESSION");
            return login.getStatus().value() == 200 && cookie != null ? "SESSION=" + cookie.getValue() : null;
        }, java.util.Objects::nonNull);
        String me = ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Cookie", session)
                             .bodyValue(Map.of("query", "{ me { id role } }")).exchange().expectStatus().isOk()
                             .expectBody(String.class).returnResult().getResponseBody();
        assertThat(me).contains(ann.userId).contains("ANNOTATOR");
    }

    @Test
    void escalationAndLastOwnerRemovalAreRefusedAndWriteNothing() {
        ApiClient admin = ApiClient.signUpWithInvitation(port, "Adam", owner.invite("ADMIN"));
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        long before = events();

        assertThat(errorCode(change(admin, admin.userId, "OWNER"), "changeMemberRole")).isEqualTo("FORBIDDEN");
        assertThat(errorCode(change(admin, owner.userId, "ANNOTATOR"), "changeMemberRole")).isEqualTo("FORBIDDEN");
        assertThat(errorCode(deactivate(admin, owner.userId), "deactivateMember")).isEqualTo("FORBIDDEN");
        assertThat(errorCode(admin.post("mutation { createInvitation(input: {role: OWNER}) { token errors { code } } }", Map.of()),
                "createInvitation")).isEqualTo("FORBIDDEN");
        assertThat(errorCode(change(ann, ann.userId, "ADMIN"), "changeMemberRole")).isEqualTo("FORBIDDEN");
        assertThat(errorCode(ann.post("mutation { createInvitation(input: {role: ANNOTATOR}) { token errors { code } } }", Map.of()),
                "createInvitation")).isEqualTo("FORBIDDEN");
        assertThat(errorCode(change(owner, owner.userId, "ADMIN"), "changeMemberRole")).isEqualTo("LAST_OWNER");
        assertThat(errorCode(deactivate(owner, owner.userId), "deactivateMember")).isEqualTo("LAST_OWNER");

        assertThat(events()).isEqualTo(before);
        assertThat(role(owner)).isEqualTo("OWNER");
        assertThat(role(admin)).isEqualTo("ADMIN");
    }

    @Test
    void forgedOrganizationIdsAreIgnoredAndOtherOrganizationsMembersAreNotFound() {
        ApiClient mallory = ApiClient.signUp(port, "Mallory");
        long before = events();

        // inputs have no organization field: a forged one is a validation error and nothing runs
        Map<String, Object> forged = mallory.post("mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { token errors { code } } }",
                Map.of("i", Map.of("role", "OWNER", "organizationId", owner.organizationId)));
        assertThat(forged.get("errors")).isNotNull();
        // the organization is the caller's: another organization's members do not exist for Mallory
        assertThat(errorCode(change(mallory, owner.userId, "ANNOTATOR"), "changeMemberRole")).isEqualTo("NOT_FOUND");
        assertThat(errorCode(deactivate(mallory, owner.userId), "deactivateMember")).isEqualTo("NOT_FOUND");
        mallory.graphql().document("{ members { userId } }").execute()
               .path("members[*].userId").entityList(String.class).containsExactly(mallory.userId);

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aWithdrawnInvitationStopsWorkingAtOnceAndSaysSo() {
        String token = owner.invite("ANNOTATOR");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> invitations = (List<Map<String, Object>>) ((Map<String, Object>) owner.post("{ invitations { id revokedAt } }", Map.of())
                .get("data")).get("invitations");
        String id = (String) invitations.getFirst().get("id");
        Map<String, Object> revoked = owner.post("mutation($i: RevokeInvitationInput!) { revokeInvitation(input: $i) { invitation { revokedAt } errors { code } } }",
                Map.of("i", Map.of("invitationId", id)));
        assertThat(errorCode(revoked, "revokeInvitation")).isNull();

        String info = ApiClient.web(port).post().uri("/api/auth/invitation").contentType(MediaType.APPLICATION_JSON)
                               .bodyValue(Map.of("token", token)).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(info).contains("REVOKED");
        long before = events();
        assertThat(signUpStatus(token)).isEqualTo(410);
        assertThat(events()).isEqualTo(before);

        // an Annotator may not withdraw invitations
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        String open = owner.invite("REVIEWER");
        assertThat(open).isNotBlank();
        Map<String, Object> refused = ann.post("mutation($i: RevokeInvitationInput!) { revokeInvitation(input: $i) { errors { code } } }",
                Map.of("i", Map.of("invitationId", id)));
        assertThat(errorCode(refused, "revokeInvitation")).isEqualTo("FORBIDDEN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMembersListShowsLastSignInAndLastAnnotation() {
        // signing up (and joining through an invitation) is a sign-in too
        ApiClient invitee = ApiClient.signUpWithInvitation(port, "Ivy", owner.invite("ANNOTATOR"));
        assertThat(jdbc.queryForObject("SELECT last_login_at IS NOT NULL FROM user_account WHERE user_id = ?", Boolean.class, owner.userId)).isTrue();
        assertThat(jdbc.queryForObject("SELECT last_login_at IS NOT NULL FROM user_account WHERE user_id = ?", Boolean.class, invitee.userId)).isTrue();
        String project = owner.createProject("Activity", ApiClient.TEXT_CONFIG);
        owner.importTasks(project, "[{\"text\":\"a\"}]", "JSON", "ALL_OR_NOTHING").path("importTasks.importedCount").entity(Integer.class).isEqualTo(1);
        String task = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).ignoreExceptions().until(() -> owner.graphql()
                .document("query($id: ID!) { project(id: $id) { tasks(first: 1) { edges { node { id } } } } }").variable("id", project)
                .execute().path("project.tasks.edges[0].node.id").entity(String.class).get(), id -> id != null);
        owner.post("mutation($i: SubmitAnnotationInput!) { submitAnnotation(input: $i) { errors { code } } }",
                Map.of("i", Map.of("taskId", task, "result", List.of(Map.of("from_name", "sentiment", "to_name", "text", "type", "choices",
                        "value", Map.of("choices", List.of("Positive")))))));
        String email = jdbc.queryForObject("SELECT email FROM user_account WHERE user_id = ?", String.class, owner.userId);
        ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                 .bodyValue(Map.of("email", email, "password", "correct horse battery")).exchange().expectStatus().isOk();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> members = (List<Map<String, Object>>) ((Map<String, Object>) owner.post(
                    "{ members { userId lastLoginAt lastAnnotationAt } }", Map.of()).get("data")).get("members");
            Map<String, Object> me = members.stream().filter(m -> owner.userId.equals(m.get("userId"))).findFirst().orElseThrow();
            assertThat(me.get("lastLoginAt")).isNotNull();
            assertThat(me.get("lastAnnotationAt")).isNotNull();
        });
    }
}
