package io.labelledger.identity;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import io.labelledger.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The organization's session policy signs browser sessions out; API tokens are not sessions and keep working. */
class SessionPolicyIT extends IntegrationTest {
    @LocalServerPort
    int port;

    int status(ApiClient c) {
        return ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.COOKIE, c.cookie)
                        .bodyValue(Map.of("query", "{ me { id } }")).exchange().expectBody(String.class).returnResult().getStatus().value();
    }

    Map<String, Object> setPolicy(ApiClient actor, Integer idle, Integer max) {
        java.util.HashMap<String, Object> input = new java.util.HashMap<>();
        input.put("idleTimeoutMinutes", idle);
        input.put("maxSessionHours", max);
        return actor.post("mutation($i: SessionPolicyInput!) { setSessionPolicy(input: $i) { policy { idleTimeoutMinutes maxSessionHours installationIdleTimeoutMinutes } errors { code field } } }",
                Map.of("i", input));
    }

    @Test
    void anIdleSessionIsSignedOutAndAnActiveOneIsNot() throws Exception {
        ApiClient owner = ApiClient.signUp(port, "Olivia");
        ApiClient ann = ApiClient.signUpWithInvitation(port, "Ann", owner.invite("ANNOTATOR"));
        assertThat(setPolicy(owner, 15, null).toString()).contains("idleTimeoutMinutes=15").contains("errors=[]");
        assertThat(status(ann)).isEqualTo(200);
        assertThat(status(owner)).isEqualTo(200);

        try (var later = TestClock.advance(Duration.ofMinutes(10))) {
            assertThat(status(owner)).isEqualTo(200); // active within 15 minutes: stays signed in
            try (var muchLater = TestClock.advance(Duration.ofMinutes(10))) {
                assertThat(status(owner)).isEqualTo(200); // 10 minutes since the owner's last request
                assertThat(status(ann)).isEqualTo(401);   // 20 minutes idle
                assertThat(status(ann)).isEqualTo(401);   // and the session is gone for good
            }
        }
    }

    @Test
    void aSessionEndsAfterItsMaximumLengthWhateverItDoesButApiTokensDoNot() throws Exception {
        ApiClient owner = ApiClient.signUp(port, "Max");
        String token = owner.graphql().document("mutation { createApiToken(input: {name: \"script\"}) { token } }").execute()
                            .path("createApiToken.token").entity(String.class).get();
        assertThat(setPolicy(owner, null, 1).toString()).contains("maxSessionHours=1").contains("errors=[]");
        try (var later = TestClock.advance(Duration.ofMinutes(59))) {
            assertThat(status(owner)).isEqualTo(200);
        }
        try (var later = TestClock.advance(Duration.ofMinutes(61))) {
            assertThat(status(owner)).isEqualTo(401);
            ApiClient.withToken(port, token).document("{ me { id } }").execute().path("me.id").entity(String.class).isEqualTo(owner.userId);
        }
    }

    @Test
    void boundsAndRolesAreChecked() {
        ApiClient owner = ApiClient.signUp(port, "Olga");
        assertThat(setPolicy(owner, 1, null).toString()).contains("VALIDATION").contains("idleTimeoutMinutes");
        ApiClient manager = ApiClient.signUpWithInvitation(port, "Manny", owner.invite("MANAGER"));
        assertThat(setPolicy(manager, 30, null).toString()).contains("FORBIDDEN");
    }
}
