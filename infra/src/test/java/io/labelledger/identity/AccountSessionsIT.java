package io.labelledger.identity;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign out everywhere, password change, and the identity context's audit entries (issue 9, items 1 and 13; ADR 0026),
 * over real HTTP with real sessions in Redis.
 */
class AccountSessionsIT extends IntegrationTest {
    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;


    EntityExchangeResult<Map> login(String email, String password) {
        return ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", password)).exchange().expectBody(Map.class).returnResult();
    }

    String cookie(EntityExchangeResult<Map> signedIn) {
        assertThat(signedIn.getStatus().value()).isEqualTo(200);
        ResponseCookie c = signedIn.getResponseCookies().getFirst("SESSION");
        return "SESSION=" + c.getValue();
    }

    int status(String cookie) {
        return ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.COOKIE, cookie)
                        .bodyValue(Map.of("query", "{ me { id } }")).exchange().expectBody(String.class).returnResult().getStatus().value();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> mutate(String cookie, String document, Map<String, Object> variables) {
        Map<String, Object> body = ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.COOKIE, cookie)
                .bodyValue(Map.of("query", document, "variables", variables)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (Map<String, Object>) body.get("data");
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(Map<String, Object> data, String field) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) data.get(field)).get("errors")).stream()
                .map(e -> e.get("code") + ":" + String.join(".", (List<String>) e.get("field"))).toList();
    }

    static String email(ApiClient who) {
        return who.graphql().document("{ me { email } }").execute().path("me.email").entity(String.class).get();
    }

    @Test
    void signOutEverywhereEndsEveryOtherSessionOfThePersonAndOnlyTheirs() {
        ApiClient alice = ApiClient.signUp(port, "Alice");
        ApiClient bob = ApiClient.signUp(port, "Bob");
        String email = email(alice);
        String laptop = cookie(login(email, PASSWORD));
        assertThat(status(alice.cookie)).isEqualTo(200);
        assertThat(status(laptop)).isEqualTo(200);

        assertThat(codes(mutate(laptop, "mutation { signOutEverywhere { errors { code field } } }", Map.of()), "signOutEverywhere")).isEmpty();
        assertThat(status(alice.cookie)).isEqualTo(401);
        assertThat(status(laptop)).isEqualTo(200); // the session that asked stays until it signs out itself
        assertThat(status(bob.cookie)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.labelledger.identity.api.AllSessionsEnded'"
                + " AND position(? in convert_from(payload, 'UTF8')) > 0", Long.class, alice.userId)).isOne();
        // signing in again works, in the new epoch
        assertThat(status(cookie(login(email, PASSWORD)))).isEqualTo(200);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndEndsTheOtherSessions() {
        ApiClient carol = ApiClient.signUp(port, "Carol");
        String email = email(carol);
        String phone = cookie(login(email, PASSWORD));
        String change = "mutation($i: ChangePasswordInput!) { changePassword(input: $i) { errors { code field } } }";

        assertThat(codes(mutate(carol.cookie, change, Map.of("i", Map.of("currentPassword", "not my password", "newPassword", "a new password 42"))),
                "changePassword")).containsExactly("VALIDATION:currentPassword");
        assertThat(codes(mutate(carol.cookie, change, Map.of("i", Map.of("currentPassword", PASSWORD, "newPassword", "short"))),
                "changePassword")).containsExactly("VALIDATION:newPassword");
        assertThat(status(phone)).isEqualTo(200); // refused changes end nothing

        assertThat(codes(mutate(carol.cookie, change, Map.of("i", Map.of("currentPassword", PASSWORD, "newPassword", "a new password 42"))),
                "changePassword")).isEmpty();
        assertThat(status(carol.cookie)).isEqualTo(200); // the session that changed it stays
        assertThat(status(phone)).isEqualTo(401);
        assertThat(login(email, PASSWORD).getStatus().value()).isEqualTo(401);
        assertThat(status(cookie(login(email, "a new password 42")))).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void signInsFailuresTokensAndSwitchesAreInTheOrganizationsAuditLog() {
        ApiClient dana = ApiClient.signUp(port, "Dana");
        ApiClient other = ApiClient.signUp(port, "Other");
        String email = email(dana);
        assertThat(login(email, "a wrong password!").getStatus().value()).isEqualTo(401);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
        assertThat(login(unknown, "a wrong password!").getStatus().value()).isEqualTo(401);
        String token = dana.graphql().document("mutation { createApiToken(input: {name: \"ci\"}) { token apiToken { id } } }").execute()
                           .path("createApiToken.apiToken.id").entity(String.class).get();
        dana.graphql().document("mutation($id: ID!) { revokeApiToken(input: {id: $id}) { revokedId } }").variable("id", token).execute()
            .path("revokeApiToken.revokedId").entity(String.class).isEqualTo(token);
        int[] status = new int[1];
        ApiClient danaInOther = dana.session("/api/session/invitation", Map.of("token", other.invite("ANNOTATOR")), status);
        assertThat(status[0]).isEqualTo(200);
        ApiClient danaHome = danaInOther.session("/api/session/organization", Map.of("organizationId", dana.organizationId), status);
        assertThat(danaHome).isNotNull();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> log = (Map<String, Object>) ((Map<String, Object>) danaHome.post(
                    "{ auditLog(first: 50) { edges { node { eventType actor { id } clientIp payload } } } }", Map.of()).get("data")).get("auditLog");
            List<Map<String, Object>> nodes = ((List<Map<String, Object>>) log.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
            assertThat(nodes).extracting(n -> (String) n.get("eventType"))
                    .contains("SignInSucceeded", "SignInFailed", "ApiTokenCreated", "ApiTokenRevoked", "OrganizationSwitched");
            Map<String, Object> failed = nodes.stream().filter(n -> "SignInFailed".equals(n.get("eventType"))).findFirst().orElseThrow();
            assertThat((Map<String, Object>) failed.get("payload")).containsEntry("userId", dana.userId).containsEntry("reason", "WRONG_CREDENTIALS")
                    .containsEntry("method", "PASSWORD");
            assertThat(failed.get("clientIp")).isEqualTo("127.0.0.1");
        });
        // nobody's log has the unknown email (nothing personal of an unknown person is kept)
        assertThat(other.post("{ auditLog(first: 50) { edges { node { eventType payload } } } }", Map.of()).toString()).doesNotContain(unknown);
        assertThat(danaHome.post("{ auditLog(first: 50) { edges { node { payload } } } }", Map.of()).toString()).doesNotContain(unknown);
    }
}
