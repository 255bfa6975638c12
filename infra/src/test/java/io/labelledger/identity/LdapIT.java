package io.labelledger.identity;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import io.labelledger.testing.TestDns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directory sign-in against a real LDAP server (UnboundID's in-memory directory, over TCP): bind authentication,
 * group -> role mapping at every sign-in, and the refusals (wrong password, no group, injection, deactivated, down).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapIT extends IntegrationTest {
    static final String BASE = "dc=corp,dc=test";
    static final String SERVICE_DN = "cn=service," + BASE;
    static final String SERVICE_PASSWORD = "service-" + UUID.randomUUID();
    static final String DOMAIN = "corp-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    static final String LABELERS = "cn=labelers,ou=groups," + BASE;
    static final String QA = "cn=qa,ou=groups," + BASE;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    InMemoryDirectoryServer directory;
    ApiClient owner;

    @BeforeAll
    void directoryAndOrganization() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: corp");
        directory.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
        for (String uid : List.of("ann", "rex", "otto", "dora", "tim", "tess")) {
            directory.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + uid.toUpperCase(),
                    "sn: " + uid, "mail: " + uid + "@" + DOMAIN, "userPassword: " + uid + "-directory-pw");
        }
        directory.add("dn: " + LABELERS, "objectClass: groupOfNames", "cn: labelers",
                "member: uid=ann,ou=people," + BASE, "member: uid=dora,ou=people," + BASE, "member: uid=tim,ou=people," + BASE, "member: uid=tess,ou=people," + BASE);
        directory.add("dn: " + QA, "objectClass: groupOfNames", "cn: qa", "member: uid=rex,ou=people," + BASE);
        directory.startListening();

        owner = ApiClient.signUp(port, "Olivia");
        Map<String, Object> payload = configure(owner, settings(directory.getListenPort()));
        assertThat(payload.get("errors")).isEqualTo(List.of());
        Map<?, ?> stored = (Map<?, ?>) payload.get("settings");
        assertThat(stored.get("hasBindPassword")).isEqualTo(true);
        assertThat(stored.toString()).doesNotContain(SERVICE_PASSWORD);
        verifyDomain(owner, DOMAIN.toLowerCase(), (Map<?, ?>) stored.get("domainVerification"));
        // the audit trail says which directory the organization trusts (issue 9, item 13)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.labelledger.organization.api.LdapSettingsChanged'"
                + " AND payload_revision = '2' AND position(? in convert_from(payload, 'UTF8')) > 0", Long.class,
                "ldap://127.0.0.1:" + directory.getListenPort())).isOne();
    }

    /** Publishes the claim's TXT record in the test DNS and verifies it: only then does the directory sign anybody in. */
    static void verifyDomain(ApiClient who, String domain, Map<?, ?> verification) {
        assertThat(verification.get("record")).isEqualTo("_labelledger." + domain);
        assertThat(verification.get("verified")).isEqualTo(false);
        TestDns.get().publishTxt((String) verification.get("record"), (String) verification.get("value"));
        assertThat(codes(verify(who, domain))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> verify(ApiClient who, String domain) {
        return (Map<String, Object>) ((Map<String, Object>) who.post("""
                mutation($i: VerifyEmailDomainInput!) { verifyEmailDomain(input: $i) { errors { code field } } }""",
                Map.of("i", Map.of("domain", domain))).get("data")).get("verifyEmailDomain");
    }

    /** The payload's errors as code:field, to assert exactly. */
    @SuppressWarnings("unchecked")
    static List<String> codes(Map<String, Object> payload) {
        return ((List<Map<String, Object>>) payload.get("errors")).stream().map(e -> e.get("code") + ":" + String.join(".", (List<String>) e.get("field"))).toList();
    }

    /** The code of the first error of a REST answer. */
    static String code(EntityExchangeResult<Map> result) {
        return String.valueOf(((Map<?, ?>) ((List<?>) result.getResponseBody().get("errors")).getFirst()).get("code"));
    }

    @AfterAll
    void stop() {
        if (directory != null) directory.shutDown(true);
    }

    static Map<String, Object> settings(int port) {
        Map<String, Object> in = new HashMap<>();
        in.put("enabled", true);
        in.put("emailDomain", DOMAIN.toUpperCase());
        in.put("url", "ldap://127.0.0.1:" + port);
        in.put("bindDn", SERVICE_DN);
        in.put("bindPassword", SERVICE_PASSWORD);
        in.put("userBaseDn", "ou=people," + BASE);
        in.put("groupBaseDn", "ou=groups," + BASE);
        in.put("roleMappings", List.of(Map.of("group", LABELERS, "role", "ANNOTATOR"), Map.of("group", QA, "role", "REVIEWER")));
        return in;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> configure(ApiClient actor, Map<String, Object> input) {
        Map<String, Object> answer = actor.post("""
                mutation($i: ConfigureLdapInput!) { configureLdap(input: $i) {
                  settings { enabled emailDomain url bindDn hasBindPassword roleMappings { group role }
                             domainVerification { domain record value verified } } errors { code field message } } }""",
                Map.of("i", input));
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("configureLdap");
    }

    EntityExchangeResult<Map> login(String email, String password) {
        return ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", password)).exchange().expectBody(Map.class).returnResult();
    }

    /** Signs in through the directory; returns the session's view of the caller (me). */
    @SuppressWarnings("unchecked")
    Map<String, Object> signIn(String uid) {
        EntityExchangeResult<Map> result = login(uid + "@" + DOMAIN, uid + "-directory-pw");
        assertThat(result.getStatus().value()).as(String.valueOf(result.getResponseBody())).isEqualTo(200);
        ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
        Map<String, Object> me = ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.COOKIE, "SESSION=" + session.getValue())
                .bodyValue(Map.of("query", "{ me { id role organization { id } } }")).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (Map<String, Object>) ((Map<String, Object>) me.get("data")).get("me");
    }

    long accounts(String uid) {
        return jdbc.queryForObject("SELECT count(*) FROM user_account WHERE email = ?", Long.class, uid + "@" + DOMAIN);
    }

    @Test
    void aDirectoryPersonSignsInWithTheRoleOfTheirGroupsAndFollowsGroupChanges() throws Exception {
        Map<String, Object> ann = signIn("ann");
        assertThat(ann.get("role")).isEqualTo("ANNOTATOR");
        assertThat(((Map<?, ?>) ann.get("organization")).get("id")).isEqualTo(owner.organizationId);
        assertThat(signIn("rex").get("role")).isEqualTo("REVIEWER");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%MemberProvisioned' AND position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class, (String) ann.get("id"))).isEqualTo(1);

        // the directory moves Rex from QA to the labelers: his next sign-in follows
        directory.modify(QA, new Modification(ModificationType.DELETE, "member", "uid=rex,ou=people," + BASE));
        directory.modify(LABELERS, new Modification(ModificationType.ADD, "member", "uid=rex,ou=people," + BASE));
        assertThat(signIn("rex").get("role")).isEqualTo("ANNOTATOR");
        // signing in again with nothing changed records nothing
        String membershipEvents = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE 'io.labelledger.organization.%'";
        long events = jdbc.queryForObject(membershipEvents, Long.class);
        signIn("ann");
        assertThat(jdbc.queryForObject(membershipEvents, Long.class)).isEqualTo(events);
        // ... but the sign-in itself is in the audit trail, with its method (ADR 0026)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.labelledger.identity.api.SignInSucceeded'"
                + " AND position(? in convert_from(payload, 'UTF8')) > 0 AND position('\"LDAP\"' in convert_from(payload, 'UTF8')) > 0",
                Long.class, (String) ann.get("id"))).isEqualTo(2);
    }

    @Test
    void wrongPasswordsUnknownPeopleInjectionAndEmptyPasswordsAreRefusedAndCreateNothing() {
        for (var refused : List.of(login("dora@" + DOMAIN, "wrong-password"), login("nobody@" + DOMAIN, "whatever-password"),
                login("*)(uid=*))(|(uid=*@" + DOMAIN, "dora-directory-pw"), login("*@" + DOMAIN, "dora-directory-pw"),
                login("dora@" + DOMAIN, ""))) { // the last: an unauthenticated bind is no sign-in
            assertThat(refused.getStatus().value()).isEqualTo(401);
            assertThat(code(refused)).isEqualTo("VALIDATION");
            assertThat(refused.getResponseCookies().getFirst("SESSION")).isNull();
        }
        assertThat(accounts("dora")).isZero();
        assertThat(accounts("nobody")).isZero();
        // refused directory sign-ins are in the organization's audit trail, without the (unknown) person's email
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE payload_type = 'io.labelledger.identity.api.SignInFailed'"
                + " AND position(? in convert_from(payload, 'UTF8')) > 0", String.class, owner.organizationId))
                .hasSizeGreaterThanOrEqualTo(5).allSatisfy(p -> assertThat(p).contains("\"LDAP\"").doesNotContain("dora").doesNotContain("nobody"));
    }

    @Test
    void aPersonInNoMappedGroupMayNotSignIn() {
        EntityExchangeResult<Map> result = login("otto@" + DOMAIN, "otto-directory-pw");
        assertThat(result.getStatus().value()).isEqualTo(403);
        assertThat(code(result)).isEqualTo("FORBIDDEN");
        assertThat(accounts("otto")).isZero();
    }

    @Test
    void aMemberDeactivatedHereStaysOutWhateverTheDirectorySays() {
        String tim = (String) signIn("tim").get("id");
        Map<String, Object> answer = owner.post("mutation($i: MemberInput!) { deactivateMember(input: $i) { errors { code } } }",
                Map.of("i", Map.of("userId", tim)));
        assertThat(answer.toString()).contains("errors=[]");
        EntityExchangeResult<Map> result = login("tim@" + DOMAIN, "tim-directory-pw");
        assertThat(result.getStatus().value()).isEqualTo(403);
        assertThat(code(result)).isEqualTo("FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT active FROM rm_org_member WHERE user_id = ?", Boolean.class, tim)).isFalse();
    }

    @Test
    void anAccountOutsideTheOrganizationKeepsItsOwnPasswordDespiteTheDomain() {
        // somebody of the domain who signed up elsewhere before the directory was configured
        String email = "outsider-" + UUID.randomUUID().toString().substring(0, 6) + "@" + DOMAIN;
        ApiClient.web(port).post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                 .bodyValue(Map.of("email", email, "password", "local password 123", "displayName", "Out", "organizationName", "Elsewhere"))
                 .exchange().expectStatus().isAccepted();
        EntityExchangeResult<Map> own = login(email, "local password 123");
        assertThat(own.getStatus().value()).isEqualTo(200);
        assertThat(own.getResponseBody().get("organizationId")).isNotEqualTo(owner.organizationId);
        assertThat(accounts(email.substring(0, email.indexOf('@')))).isOne();
    }

    @Test
    void aDirectoryThatDoesNotAnswerGivesUnavailable() {
        ApiClient other = ApiClient.signUp(port, "Down");
        String domain = "down-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Map<String, Object> input = settings(1); // nothing listens on port 1
        input.put("emailDomain", domain);
        Map<String, Object> configured = configure(other, input);
        assertThat(codes(configured)).isEmpty();
        // unverified, the domain is not the directory's: an ordinary failed password sign-in
        EntityExchangeResult<Map> unverified = login("ann@" + domain, "ann-directory-pw");
        assertThat(unverified.getStatus().value()).isEqualTo(401);
        assertThat(code(unverified)).isEqualTo("VALIDATION");
        verifyDomain(other, domain, (Map<?, ?>) ((Map<?, ?>) configured.get("settings")).get("domainVerification"));
        EntityExchangeResult<Map> result = login("ann@" + domain, "ann-directory-pw");
        assertThat(result.getStatus().value()).isEqualTo(503);
        assertThat(code(result)).isEqualTo("UNAVAILABLE");
    }

    @Test
    void badSettingsAndATakenDomainAreRefusedAndStoreNothing() {
        ApiClient other = ApiClient.signUp(port, "Mallory");
        Map<String, Object> taken = configure(other, settings(directory.getListenPort()));
        assertThat(codes(taken)).containsExactly("CONFLICT:emailDomain");

        Map<String, Object> bad = settings(directory.getListenPort());
        bad.put("emailDomain", "mallory-" + UUID.randomUUID().toString().substring(0, 6) + ".test");
        bad.put("url", "http://not-ldap");
        bad.put("userFilter", "(mail=*)");
        bad.put("roleMappings", List.of(Map.of("group", LABELERS, "role", "OWNER")));
        assertThat(codes(configure(other, bad))).containsExactlyInAnyOrder("VALIDATION:url", "VALIDATION:userFilter", "VALIDATION:roleMappings.0.role");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ldap_settings WHERE organization_id = ?", Long.class, other.organizationId)).isZero();
    }

    @Test
    void failedDirectorySignInsAreThrottled() {
        for (int i = 0; i < 5; i++) assertThat(login("tess@" + DOMAIN, "wrong-" + i).getStatus().value()).isEqualTo(401);
        EntityExchangeResult<Map> throttled = login("tess@" + DOMAIN, "tess-directory-pw");
        assertThat(throttled.getStatus().value()).isEqualTo(429);
        assertThat(code(throttled)).isEqualTo("RATE_LIMITED");
    }

}
