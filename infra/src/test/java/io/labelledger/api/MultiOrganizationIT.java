package io.labelledger.api;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One account in several organizations: join with an invitation while signed in, switch, stay isolated. */
class MultiOrganizationIT extends IntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    static Map<String, Object> me(ApiClient c) {
        return (Map<String, Object>) ((Map<String, Object>) c.post("{ me { role organization { id name } organizations { id name role } } }", Map.of())
                .get("data")).get("me");
    }

    @SuppressWarnings("unchecked")
    static List<String> projectTitles(ApiClient c) {
        Map<String, Object> projects = (Map<String, Object>) ((Map<String, Object>) c.post("{ projects { edges { node { title } } } }", Map.of())
                .get("data")).get("projects");
        return ((List<Map<String, Object>>) projects.get("edges")).stream().map(e -> (String) ((Map<?, ?>) e.get("node")).get("title")).toList();
    }

    @Test
    void anExistingAccountJoinsASecondOrganizationAndSwitchesBetweenThem() {
        ApiClient alice = ApiClient.signUp(port, "Alice");
        ApiClient bob = ApiClient.signUp(port, "Bob");
        alice.createProject("Alice's project", ApiClient.TEXT_CONFIG);
        bob.createProject("Bob's project", ApiClient.TEXT_CONFIG);
        String token = alice.invite("ANNOTATOR");

        int[] status = new int[1];
        ApiClient bobInA = bob.session("/api/session/invitation", Map.of("token", token), status);
        assertThat(status[0]).isEqualTo(200);
        assertThat(bobInA.organizationId).isEqualTo(alice.organizationId);
        Map<String, Object> me = me(bobInA);
        assertThat(me.get("role")).isEqualTo("ANNOTATOR");
        assertThat((List<Map<String, Object>>) me.get("organizations")).extracting(o -> o.get("id") + ":" + o.get("role"))
                .containsExactlyInAnyOrder(alice.organizationId + ":ANNOTATOR", bob.organizationId + ":OWNER");
        assertThat(projectTitles(bobInA)).doesNotContain("Bob's project");

        ApiClient bobHome = bobInA.session("/api/session/organization", Map.of("organizationId", bob.organizationId), status);
        assertThat(status[0]).isEqualTo(200);
        assertThat(me(bobHome).get("role")).isEqualTo("OWNER");
        assertThat(projectTitles(bobHome)).contains("Bob's project").doesNotContain("Alice's project");

        // the invitation was single use; a second one finds Bob a member already
        assertThat(bobHome.session("/api/session/invitation", Map.of("token", token), status)).isNull();
        assertThat(status[0]).isEqualTo(410);
        assertThat(bobHome.session("/api/session/invitation", Map.of("token", alice.invite("REVIEWER")), status)).isNull();
        assertThat(status[0]).isEqualTo(409);
    }

    @Test
    void nobodySwitchesIntoAnOrganizationTheyAreNotAnActiveMemberOf() {
        ApiClient alice = ApiClient.signUp(port, "Alice");
        ApiClient carol = ApiClient.signUp(port, "Carol");
        int[] status = new int[1];
        assertThat(carol.session("/api/session/organization", Map.of("organizationId", alice.organizationId), status)).isNull();
        assertThat(status[0]).isEqualTo(404);
        assertThat(carol.session("/api/session/organization", Map.of("organizationId", UUID.randomUUID().toString()), status)).isNull();
        assertThat(status[0]).isEqualTo(404);

        // a member deactivated in the other organization cannot switch back into it
        ApiClient carolInA = carol.session("/api/session/invitation", Map.of("token", alice.invite("ANNOTATOR")), status);
        ApiClient carolHome = carolInA.session("/api/session/organization", Map.of("organizationId", carol.organizationId), status);
        assertThat(alice.post("mutation($i: MemberInput!) { deactivateMember(input: $i) { errors { code } } }",
                Map.of("i", Map.of("userId", carol.userId))).toString()).contains("errors=[]");
        assertThat(carolHome.session("/api/session/organization", Map.of("organizationId", alice.organizationId), status)).isNull();
        assertThat(status[0]).isEqualTo(404);
        assertThat(me(carolHome).get("organizations").toString()).doesNotContain(alice.organizationId);
    }

    @Test
    void anApiTokenCannotSwitchOrganizations() {
        ApiClient alice = ApiClient.signUp(port, "Alice");
        String token = alice.graphql().document("mutation { createApiToken(input: {name: \"t\"}) { token } }").execute()
                            .path("createApiToken.token").entity(String.class).get();
        int code = ApiClient.web(port).post().uri("/api/session/organization").contentType(MediaType.APPLICATION_JSON)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                            .bodyValue(Map.of("organizationId", alice.organizationId)).exchange().expectBody(String.class).returnResult().getStatus().value();
        assertThat(code).isEqualTo(401);
        int anonymous = ApiClient.web(port).post().uri("/api/session/organization").contentType(MediaType.APPLICATION_JSON)
                                 .bodyValue(Map.of("organizationId", alice.organizationId)).exchange().expectBody(String.class).returnResult().getStatus().value();
        assertThat(anonymous).isEqualTo(401);
    }
}
