package io.labelledger.identity;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9 #6: {@code configureLdap(url: "ldap://127.0.0.1:39006")} plus a sign-in made the server connect anywhere (a
 * blind SSRF and port scanner). Directory addresses now pass the media proxy's address policy; the tests' config
 * allows exactly 127.0.0.1 (labelledger.ldap.allowed-hosts), so every other internal address is refused here.
 */
class LdapSsrfIT extends IntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    @Test
    void internalDirectoryAddressesAreRefusedWhenConfiguredAndStoreNothing() {
        ApiClient owner = ApiClient.signUp(port, "Scanner");
        for (String url : List.of("ldap://169.254.169.254:389", "ldap://10.0.0.5:389", "ldap://[::1]:39006", "ldap://127.0.0.2:39006",
                "ldaps://192.168.0.1:636", "ldap://0x7f000002:389")) {
            Map<String, Object> input = LdapIT.settings(389);
            input.put("emailDomain", "scan-" + UUID.randomUUID().toString().substring(0, 8) + ".test");
            input.put("url", url);
            Map<String, Object> payload = LdapIT.configure(owner, input);
            List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("errors");
            assertThat(errors).as(url).hasSize(1);
            assertThat(errors.getFirst()).as(url).containsEntry("code", "URL_REFUSED").containsEntry("field", List.of("url"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ldap_settings WHERE organization_id = ?", Long.class, owner.organizationId)).isZero();
    }

    @Test
    void aSignInNeverConnectsToARefusedAddressEvenWhenItIsStored() throws Exception {
        // settings stored before the guard (or a name whose DNS answer changed): checked again at every connection
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
            ApiClient owner = ApiClient.signUp(port, "Prober");
            String domain = "probe-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
            Map<String, Object> input = LdapIT.settings(389);
            input.put("emailDomain", domain);
            assertThat(LdapIT.configure(owner, input).get("errors")).isEqualTo(List.of());
            jdbc.update("UPDATE ldap_settings SET url = ? WHERE organization_id = ?", "ldap://127.0.0.2:" + listener.getLocalPort(), owner.organizationId);
            // a verified domain claim (ADR 0026), so that the sign-in is routed to the directory at all
            jdbc.update("""
                    INSERT INTO email_domain_claim (organization_id, domain, token, created_at, verified_at) VALUES (?, ?, 'test', now(), now())
                    ON CONFLICT (organization_id, domain) DO UPDATE SET verified_at = now()""", owner.organizationId, domain);

            long start = System.nanoTime();
            var result = ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", "victim@" + domain, "password", "whatever-password")).exchange()
                    .expectBody(Map.class).returnResult();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.getStatus().value()).isEqualTo(503);
            assertThat(result.getResponseBody().toString()).contains("UNAVAILABLE");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }
}
