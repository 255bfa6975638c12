package io.labelledger.identity;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import io.labelledger.testing.TestDns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, item 1: the cross-organization account takeover, replayed step by step against the running application.
 * The Owner of org B (a free sign-up) provisions the email of org A's Owner with B's SCIM token, claims A's email
 * domain for an LDAP server the attacker runs, signs in as that email with a password of their choosing, and moves
 * the session into org A. Every step the identity model closes (docs/adr/0026) is refused, and the victim's own
 * password sign-in keeps working while the claim exists — their password never reaches the attacker's directory.
 */
class AccountTakeoverIT extends IntegrationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String VICTIM_PASSWORD = "victim's own password 1";
    static final String ATTACKER_PASSWORD = "attacker chose this one";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final List<InMemoryDirectoryServer> directories = new ArrayList<>();

    @AfterEach
    void stop() {
        directories.forEach(d -> d.shutDown(true));
    }

    record Signed(int status, String userId, String organizationId, String cookie, JsonNode body) {}

    Signed post(String path, Map<String, Object> body) {
        EntityExchangeResult<byte[]> r = ApiClient.web(port).post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody().returnResult();
        JsonNode json = r.getResponseBody() == null ? JSON.nullNode() : JSON.readTree(r.getResponseBody());
        ResponseCookie session = r.getResponseCookies().getFirst("SESSION");
        return new Signed(r.getStatus().value(), json.path("userId").asString(null), json.path("organizationId").asString(null),
                session == null ? null : "SESSION=" + session.getValue(), json);
    }

    Signed login(String email, String password) { return post("/api/auth/login", Map.of("email", email, "password", password)); }

    static String code(Signed s) { return s.body().path("errors").path(0).path("code").asString(null); }

    /** The victim: a personal account at their company's domain, Owner of org A. */
    Signed victim(String domain) {
        Signed s = post("/api/auth/signup", Map.of("email", "ceo@" + domain, "password", VICTIM_PASSWORD, "displayName", "Victor",
                "organizationName", "Org A"));
        assertThat(s.status()).isEqualTo(202); // sign-up answers alike for new and known emails (ADR 0028); sign in next
        Signed in = login("ceo@" + domain, VICTIM_PASSWORD);
        assertThat(in.status()).isEqualTo(200);
        return in;
    }

    /** The attacker's own LDAP server: knows the victim's email with the attacker's password; counts every connection. */
    AtomicInteger attackerDirectory(String domain, int[] port) throws Exception {
        AtomicInteger connections = new AtomicInteger();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=evil,dc=test");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", 0));
        config.setAccessLogHandler(new Handler() {
            @Override public void publish(LogRecord record) { if (String.valueOf(record.getMessage()).contains("CONNECT")) connections.incrementAndGet(); }
            @Override public void flush() {}
            @Override public void close() {}
        });
        InMemoryDirectoryServer d = new InMemoryDirectoryServer(config);
        d.add("dn: dc=evil,dc=test", "objectClass: top", "objectClass: domain", "dc: evil");
        d.add("dn: uid=ceo,dc=evil,dc=test", "objectClass: inetOrgPerson", "uid: ceo", "cn: CEO", "sn: ceo", "mail: ceo@" + domain,
                "userPassword: " + ATTACKER_PASSWORD);
        d.startListening();
        directories.add(d);
        port[0] = d.getListenPort();
        return connections;
    }

    String scimToken(ApiClient admin) {
        return admin.graphql().document("mutation { createScimToken(input: {name: \"Okta\"}) { token errors { code } } }")
                    .execute().path("createScimToken.errors").entityList(Object.class).hasSize(0)
                    .path("createScimToken.token").entity(String.class).get();
    }

    record Scim(int status, JsonNode body) {}

    Scim scimCreate(String token, String email) {
        EntityExchangeResult<byte[]> r = ApiClient.web(port).post().uri("/scim/v2/Users").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.parseMediaType("application/scim+json"))
                .bodyValue(JSON.writeValueAsString(Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                        "userName", email, "active", true)))
                .exchange().expectBody().returnResult();
        return new Scim(r.getStatus().value(), JSON.readTree(r.getResponseBody()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> answer, String field) {
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field);
    }

    static Map<String, Object> configureLdap(ApiClient who, String domain, int ldapPort) {
        Map<String, Object> in = new HashMap<>();
        in.put("enabled", true);
        in.put("emailDomain", domain);
        in.put("url", "ldap://127.0.0.1:" + ldapPort);
        in.put("userBaseDn", "dc=evil,dc=test");
        in.put("defaultRole", "ANNOTATOR");
        in.put("roleMappings", List.of());
        return data(who.post("""
                mutation($i: ConfigureLdapInput!) { configureLdap(input: $i) {
                  settings { emailDomain url domainVerification { domain record value verified } } errors { code field } } }""",
                Map.of("i", in)), "configureLdap");
    }

    static Map<String, Object> verify(ApiClient who, String domain) {
        return data(who.post("""
                mutation($i: VerifyEmailDomainInput!) { verifyEmailDomain(input: $i) {
                  settings { domainVerification { verified } } errors { code field } } }""", Map.of("i", Map.of("domain", domain))),
                "verifyEmailDomain");
    }

    long accounts(String email) { return jdbc.queryForObject("SELECT count(*) FROM user_account WHERE email = ?", Long.class, email); }

    long memberships(String organizationId, String userId) {
        return jdbc.queryForObject("SELECT count(*) FROM rm_org_member WHERE organization_id = ? AND user_id = ?", Long.class, organizationId, userId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScimLinkLdapClaimAndOrganizationSwitchChainIsRefusedAtEveryStep() throws Exception {
        String domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String email = "ceo@" + domain;
        Signed victim = victim(domain);
        ApiClient mallory = ApiClient.signUp(port, "Mallory");

        // 1. SCIM of org B provisions the victim's email: a new identity bound to B, never the victim's account
        Scim created = scimCreate(scimToken(mallory), email);
        assertThat(created.status()).isEqualTo(201);
        String boundId = created.body().path("id").asString();
        assertThat(boundId).isNotEqualTo(victim.userId());
        assertThat(memberships(mallory.organizationId, victim.userId())).isZero();
        assertThat(jdbc.queryForObject("SELECT home_organization_id FROM user_account WHERE user_id = ?", String.class, boundId))
                .isEqualTo(mallory.organizationId);
        assertThat(jdbc.queryForObject("SELECT home_organization_id FROM user_account WHERE user_id = ?", String.class, victim.userId())).isNull();

        // 2. org B claims the victim's domain for the attacker's directory: stored, but it routes nothing unverified
        int[] ldapPort = new int[1];
        AtomicInteger connections = attackerDirectory(domain, ldapPort);
        Map<String, Object> claim = configureLdap(mallory, domain, ldapPort[0]);
        assertThat(LdapIT.codes(claim)).isEmpty();
        Map<String, Object> verification = (Map<String, Object>) ((Map<String, Object>) claim.get("settings")).get("domainVerification");
        assertThat(verification.get("verified")).isEqualTo(false);
        assertThat(verification.get("record")).isEqualTo("_labelledger." + domain);
        assertThat(LdapIT.codes(verify(mallory, domain))).containsExactly("VALIDATION:domain"); // DNS has no such record

        // 3. signing in as the victim with the attacker's password: refused, and the directory is never asked
        Signed attempt = login(email, ATTACKER_PASSWORD);
        assertThat(attempt.status()).isEqualTo(401);
        assertThat(attempt.cookie()).isNull();
        // the victim's own sign-in keeps working while the claim exists
        Signed own = login(email, VICTIM_PASSWORD);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.userId()).isEqualTo(victim.userId());
        assertThat(own.organizationId()).isEqualTo(victim.organizationId());

        // even a verified claim (as if the attacker controlled the domain's DNS) never overrides a personal account's password
        String value = (String) verification.get("value");
        TestDns.get().publishTxt("_labelledger." + domain, "v=unrelated", value);
        assertThat(LdapIT.codes(verify(mallory, domain))).isEmpty();
        assertThat(login(email, ATTACKER_PASSWORD).status()).isEqualTo(401);
        assertThat(login(email, VICTIM_PASSWORD).userId()).isEqualTo(victim.userId());
        assertThat(connections.get()).as("connections to the attacker's directory").isZero();
        assertThat(accounts(email)).isEqualTo(2); // the victim's personal account and B's bound identity, nothing else

        // 4. switching into org A: the attacker is no member there, and B's identity can never become one
        int[] status = new int[1];
        assertThat(mallory.session("/api/session/organization", Map.of("organizationId", victim.organizationId()), status)).isNull();
        assertThat(status[0]).isEqualTo(404);
        assertThat(memberships(victim.organizationId(), boundId)).isZero();

        // the victim's organization stays the victim's: one Owner, nobody added
        assertThat(jdbc.queryForList("SELECT user_id FROM rm_org_member WHERE organization_id = ?", String.class, victim.organizationId()))
                .containsExactly(victim.userId());
    }

    @Test
    void aVerifiedDomainSignsInItsDirectoryPeopleAsIdentitiesBoundToThatOrganizationOnly() throws Exception {
        String domain = "corp-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String email = "ceo@" + domain; // nobody has a personal account with it
        ApiClient owner = ApiClient.signUp(port, "Owner");
        ApiClient other = ApiClient.signUp(port, "Other");
        int[] ldapPort = new int[1];
        attackerDirectory(domain, ldapPort);
        Map<String, Object> claim = configureLdap(owner, domain, ldapPort[0]);
        @SuppressWarnings("unchecked")
        String value = (String) ((Map<String, Object>) ((Map<String, Object>) claim.get("settings")).get("domainVerification")).get("value");

        // unverified: the directory is not asked, nobody is created
        assertThat(login(email, ATTACKER_PASSWORD).status()).isEqualTo(401);
        assertThat(accounts(email)).isZero();

        TestDns.get().publishTxt("_labelledger." + domain, value);
        assertThat(LdapIT.codes(verify(owner, domain))).isEmpty();
        // another organization cannot verify it too, nor route it
        assertThat(LdapIT.codes(configureLdap(other, domain, ldapPort[0]))).containsExactly("CONFLICT:emailDomain");

        Signed signed = login(email, ATTACKER_PASSWORD);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.organizationId()).isEqualTo(owner.organizationId);
        assertThat(jdbc.queryForObject("SELECT home_organization_id FROM user_account WHERE user_id = ?", String.class, signed.userId()))
                .isEqualTo(owner.organizationId);

        // the directory's identity is valid in its organization only: an invitation elsewhere cannot be accepted
        String invitation = other.invite("ANNOTATOR");
        EntityExchangeResult<byte[]> join = ApiClient.web(port).post().uri("/api/session/invitation").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.COOKIE, signed.cookie()).bodyValue(Map.of("token", invitation)).exchange().expectBody().returnResult();
        assertThat(join.getStatus().value()).isEqualTo(403);
        assertThat(JSON.readTree(join.getResponseBody()).path("errors").path(0).path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(memberships(other.organizationId, signed.userId())).isZero();
        // nor can its session move anywhere else (refused and audited), and its password is the directory's to change
        EntityExchangeResult<byte[]> move = ApiClient.web(port).post().uri("/api/session/organization").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.COOKIE, signed.cookie()).bodyValue(Map.of("organizationId", other.organizationId)).exchange().expectBody().returnResult();
        assertThat(move.getStatus().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.OrganizationSwitchRefused'"
                + " AND position(? in convert_from(payload, 'UTF8')) > 0", Long.class, signed.userId())).isEqualTo(1);
        EntityExchangeResult<byte[]> change = ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.COOKIE, signed.cookie()).bodyValue(Map.of("query", """
                        mutation { changePassword(input: {currentPassword: "%s", newPassword: "a password of mine"}) { errors { code } } }"""
                        .formatted(ATTACKER_PASSWORD))).exchange().expectBody().returnResult();
        assertThat(JSON.readTree(change.getResponseBody()).at("/data/changePassword/errors/0/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.EmailDomainVerified'"
                + " AND position(? in convert_from(payload, 'UTF8')) > 0", Long.class, domain)).isEqualTo(1);
    }
}
