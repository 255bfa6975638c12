package io.labelledger.identity.saml;

import io.labelledger.testing.ApiClient;
import io.labelledger.testing.IntegrationTest;
import io.labelledger.testing.TestMediaPolicy;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.StatusCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Element;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SAML single sign-on over real HTTP against the running application, with a test IdP that checks our signed
 * AuthnRequests and signs real responses. Every refusal: typed answer, nobody provisioned, recorded for auditors.
 */
class SamlSsoIT extends IntegrationTest {
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** One organization with SSO for the whole class (one application per test JVM). */
    private static ApiClient owner;
    private static TestIdp idp;
    private static String slug;

    @SuppressWarnings("unchecked")
    private synchronized void configured() {
        if (owner != null) return;
        owner = ApiClient.signUp(port, "SsoOwner");
        idp = new TestIdp();
        slug = "corp-" + Long.toHexString(System.nanoTime());
        Map<String, Object> answer = configure(owner, Map.of("enabled", true, "slug", slug, "idpMetadataXml", idp.metadata(),
                "defaultRole", "ANNOTATOR", "roleMappings", List.of(
                        Map.of("attribute", "groups", "value", "qa", "role", "REVIEWER"),
                        Map.of("attribute", "groups", "value", "admins", "role", "ADMIN"))));
        assertThat(errors(answer, "configureSso")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.labelledger.identity.api.SsoSettingsChanged'"
                + " AND position(? in convert_from(payload, 'UTF8')) > 0", Long.class, owner.organizationId)).isOne();
    }

    static Map<String, Object> configure(ApiClient who, Map<String, Object> input) {
        return who.post("""
                mutation($i: ConfigureSsoInput!) { configureSso(input: $i) {
                  settings { enabled slug idpEntityId defaultRole spCertificate metadataUrl acsUrl loginUrl roleMappings { attribute value role } }
                  errors { code field } } }""", Map.of("i", input));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Map<String, Object> answer, String field) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(field)).get("errors");
    }

    String spMetadata() {
        return ApiClient.web(port).get().uri("/saml/" + owner.organizationId + "/metadata").exchange()
                        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** The browser asks us to start a sign-in; the IdP reads (and verifies) the redirect. */
    TestIdp.Request startLogin() throws Exception {
        String location = ApiClient.web(port).get().uri("/saml/" + slug + "/login").exchange()
                                   .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation().toString();
        return idp.readRedirect(location, spMetadata());
    }

    EntityExchangeResult<String> postToAcs(String samlResponse) {
        return ApiClient.web(port).post().uri("/saml/" + owner.organizationId + "/acs").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("SAMLResponse", samlResponse)).exchange().expectBody(String.class).returnResult();
    }

    String signedIn(EntityExchangeResult<String> result) {
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(200);
        ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        return "SESSION=" + session.getValue();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> me(String cookie) {
        Map<String, Object> body = ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.COOKIE, cookie)
                                            .bodyValue(Map.of("query", "{ me { id role email organization { id } } }"))
                                            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("me");
    }

    long accounts(String email) {
        return jdbc.queryForObject("SELECT count(*) FROM user_account WHERE email = ?", Long.class, email.toLowerCase());
    }

    long refusals(String reason) {
        return jdbc.queryForObject("SELECT coalesce(sum(attempts), 0) FROM saml_refusal WHERE organization_id = ? AND reason = ?",
                Long.class, owner.organizationId, reason);
    }

    /** SAML sign-ins this organization refused, as audit entries ({@code SignInFailed}, method SAML) with this reason. */
    long auditedFailures(String reason) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM audit_log WHERE organization_id = ? AND event_type = 'SignInFailed'
                AND payload ->> 'method' = 'SAML' AND payload ->> 'reason' = ?""", Long.class, owner.organizationId, reason);
    }

    /** Given a sign-in we started, when the IdP's answer is spoiled this way, then it is refused for this reason. */
    void refused(String reason, Consumer<TestIdp.Spec> spoil, UnaryOperator<Element> rearrange) throws Exception {
        configured();
        TestIdp.Spec spec = idp.spec(startLogin());
        spoil.accept(spec);
        long before = refusals(reason);
        EntityExchangeResult<String> result = postToAcs(TestIdp.encode(rearrange.apply(idp.responseElement(spec))));
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(400);
        assertThat(result.getResponseBody()).contains("\"code\":\"SAML_REFUSED\"").contains("\"reason\":\"" + reason + "\"");
        assertThat(result.getResponseCookies().getFirst("SESSION")).isNull();
        assertThat(accounts(spec.nameId)).isZero();
        assertThat(refusals(reason)).isEqualTo(before + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> auditedFailures(reason) > 0); // issue 9, item 13: in the audit log
    }

    /** Like {@link #refused} for a person whose account exists elsewhere: still no session, still recorded. */
    void refusedFor(String reason, Consumer<TestIdp.Spec> spoil, UnaryOperator<Element> rearrange) throws Exception {
        configured();
        TestIdp.Spec spec = idp.spec(startLogin());
        spoil.accept(spec);
        long before = refusals(reason);
        EntityExchangeResult<String> result = postToAcs(TestIdp.encode(rearrange.apply(idp.responseElement(spec))));
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(400);
        assertThat(result.getResponseBody()).contains("\"reason\":\"" + reason + "\"");
        assertThat(result.getResponseCookies().getFirst("SESSION")).isNull();
        assertThat(refusals(reason)).isEqualTo(before + 1);
        assertThat(accounts(spec.nameId)).isEqualTo(1);
    }

    void refused(String reason, Consumer<TestIdp.Spec> spoil) throws Exception {
        refused(reason, spoil, dom -> dom);
    }

    @Test
    void a_person_signs_in_with_sso_gets_the_highest_mapped_role_and_the_same_cookie_session() throws Exception {
        configured();
        TestIdp.Spec spec = idp.spec(startLogin());
        spec.attributes.put("groups", List.of("qa", "unrelated"));
        String cookie = signedIn(postToAcs(idp.response(spec)));
        Map<String, Object> me = me(cookie);
        assertThat(me.get("role")).isEqualTo("REVIEWER");
        assertThat(me.get("email")).isEqualTo(spec.nameId.toLowerCase());
        assertThat(((Map<?, ?>) me.get("organization")).get("id")).isEqualTo(owner.organizationId);
        // no usable password
        ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                 .bodyValue(Map.of("email", spec.nameId, "password", SamlSignIn.NO_PASSWORD)).exchange().expectStatus().isUnauthorized();

        // the next sign-in, now in both groups: the highest mapped role wins, same account
        TestIdp.Spec again = idp.spec(startLogin());
        again.nameId = spec.nameId;
        again.attributes.put("groups", List.of("qa", "admins"));
        Map<String, Object> second = me(signedIn(postToAcs(idp.response(again))));
        assertThat(second.get("id")).isEqualTo(me.get("id"));
        assertThat(second.get("role")).isEqualTo("ADMIN");
        assertThat(accounts(spec.nameId)).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    List<String> projectIds(String cookie) {
        Map<String, Object> body = ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.COOKIE, cookie)
                                            .bodyValue(Map.of("query", "{ projects { edges { node { id } } } }"))
                                            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> projects = (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("projects");
        return ((List<Map<String, Object>>) projects.get("edges")).stream().map(e -> (String) ((Map<?, ?>) e.get("node")).get("id")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_mapped_attribute_adds_the_person_to_the_workspace_and_sso_never_removes_it() throws Exception {
        configured();
        Map<String, Object> ws = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) owner.post(
                "mutation { createWorkspace(input: {name: \"Radiology SSO\"}) { workspace { id } } }", Map.of()).get("data")).get("createWorkspace")).get("workspace");
        String workspace = (String) ws.get("id");
        Map<String, Object> input = new java.util.HashMap<>(Map.of("title", "Scans", "labelConfig", ApiClient.TEXT_CONFIG));
        input.put("workspaceId", workspace);
        Map<String, Object> created = owner.post("mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }", Map.of("i", input));
        String project = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) created.get("data")).get("createProject")).get("project")).get("id");

        // a workspace of another organization (or none) is refused, and nothing changes
        ApiClient stranger = ApiClient.signUp(port, "SsoStranger");
        Map<String, Object> theirs = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) stranger.post(
                "mutation { createWorkspace(input: {name: \"Theirs\"}) { workspace { id } } }", Map.of()).get("data")).get("createWorkspace")).get("workspace");
        for (String bad : List.of((String) theirs.get("id"), "no-such-workspace")) {
            Map<String, Object> refused = configure(owner, Map.of("enabled", true,
                    "workspaceMappings", List.of(Map.of("attribute", "groups", "value", "radiology", "workspaceId", bad))));
            assertThat(errors(refused, "configureSso")).extracting(e -> e.get("code") + ":" + e.get("field"))
                    .containsExactly("VALIDATION:[workspaceMappings]");
        }
        assertThat(jdbc.queryForObject("SELECT workspace_mappings FROM sso_config WHERE organization_id = ?", String.class, owner.organizationId))
                .isEqualTo("[]");

        Map<String, Object> ok = owner.post("""
                mutation($i: ConfigureSsoInput!) { configureSso(input: $i) {
                  settings { slug roleMappings { value } workspaceMappings { attribute value workspaceId } } errors { code } } }""",
                Map.of("i", Map.of("enabled", true, "workspaceMappings", List.of(Map.of("attribute", "groups", "value", "radiology", "workspaceId", workspace)))));
        assertThat(errors(ok, "configureSso")).isEmpty();
        Map<String, Object> settings = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ok.get("data")).get("configureSso")).get("settings");
        assertThat(settings.get("slug")).isEqualTo(slug);
        assertThat((List<?>) settings.get("roleMappings")).as("other settings are kept").hasSize(2);
        assertThat((List<Object>) settings.get("workspaceMappings")).containsExactly((Object) Map.of("attribute", "groups", "value", "radiology", "workspaceId", workspace));

        // given the attribute, when the person signs in, then they are in the workspace and see its projects
        TestIdp.Spec spec = idp.spec(startLogin());
        spec.attributes.put("groups", List.of("radiology"));
        String cookie = signedIn(postToAcs(idp.response(spec)));
        String userId = (String) me(cookie).get("id");
        assertThat(projectIds(cookie)).containsExactly(project);
        assertThat(jdbc.queryForObject("SELECT grant_source FROM rm_workspace_member WHERE workspace_id = ? AND user_id = ? AND NOT removed",
                String.class, workspace, userId)).isEqualTo("SAML");

        // without the attribute next time, SSO does not take the workspace away
        TestIdp.Spec again = idp.spec(startLogin());
        again.nameId = spec.nameId;
        String second = signedIn(postToAcs(idp.response(again)));
        assertThat(projectIds(second)).containsExactly(project);
    }

    @Test
    void without_a_mapped_group_the_default_role_applies_and_a_response_signature_alone_is_enough() throws Exception {
        configured();
        TestIdp.Spec spec = idp.spec(startLogin());
        spec.signAssertion = false;
        spec.signResponse = true;
        assertThat(me(signedIn(postToAcs(idp.response(spec)))).get("role")).isEqualTo("ANNOTATOR");
    }

    @Test
    @SuppressWarnings("unchecked")
    void settings_publish_the_sp_side_and_never_a_private_key() {
        configured();
        Map<String, Object> answer = owner.post("{ ssoSettings { enabled slug spCertificate metadataUrl acsUrl loginUrl idpEntityId "
                                                + "idpCertificates { sha256 } roleMappings { attribute value role } refusals { reason attempts } } }", Map.of());
        Map<String, Object> settings = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("ssoSettings");
        assertThat(settings.get("enabled")).isEqualTo(true);
        assertThat(settings.get("idpEntityId")).isEqualTo(idp.entityId);
        assertThat((String) settings.get("spCertificate")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(settings.get("acsUrl")).isEqualTo("/saml/" + owner.organizationId + "/acs");
        assertThat(answer.toString()).doesNotContain("PRIVATE");
        String metadata = spMetadata();
        assertThat(metadata).contains("AuthnRequestsSigned=\"true\"").contains("/saml/" + owner.organizationId + "/acs")
                            .doesNotContain("PRIVATE");
    }

    @Test
    void metadata_can_come_from_a_url_and_owner_is_never_mapped() throws Exception {
        ApiClient other = ApiClient.signUp(port, "UrlOwner");
        try (TestIdp urlIdp = new TestIdp()) {
            String url = urlIdp.serveMetadata();
            // the test IdP listens on loopback, which the guarded fetch refuses; this one server counts as public here
            AutoCloseable trusted = TestMediaPolicy.trust(new java.net.InetSocketAddress("127.0.0.1", java.net.URI.create(url).getPort()));
            assertThat(errors(configure(other, Map.of("enabled", true, "slug", "url-" + Long.toHexString(System.nanoTime()),
                    "idpMetadataUrl", url, "defaultRole", "OWNER")), "configureSso")).extracting(e -> e.get("code")).containsExactly("VALIDATION");
            assertThat(errors(configure(other, Map.of("enabled", true, "slug", "url-" + Long.toHexString(System.nanoTime()),
                    "idpMetadataUrl", url, "roleMappings", List.of(Map.of("attribute", "g", "value", "boss", "role", "OWNER")))), "configureSso"))
                    .extracting(e -> e.get("code")).containsExactly("VALIDATION");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM sso_config WHERE organization_id = ?", Long.class, other.organizationId)).isZero();
            Map<String, Object> ok = configure(other, Map.of("enabled", true, "slug", "url-" + Long.toHexString(System.nanoTime()), "idpMetadataUrl", url));
            assertThat(errors(ok, "configureSso")).isEmpty();
            assertThat(ok.toString()).contains(urlIdp.entityId);
            trusted.close();
        }
        assertThat(errors(configure(other, Map.of("enabled", true, "idpMetadataXml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")),
                "configureSso")).extracting(e -> e.get("code")).containsExactly("VALIDATION");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> refresh(ApiClient who) {
        Map<String, Object> answer = who.post("""
                mutation { refreshSsoMetadata { settings { idpEntityId idpCertificates { sha256 } metadataRefreshedAt metadataRefreshError }
                  errors { code field message } } }""", Map.of());
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("refreshSsoMetadata");
    }

    @SuppressWarnings("unchecked")
    static String certificateSha(Map<String, Object> payload) {
        Map<String, Object> settings = (Map<String, Object>) payload.get("settings");
        return (String) ((List<Map<String, Object>>) settings.get("idpCertificates")).getFirst().get("sha256");
    }

    @Test
    @SuppressWarnings("unchecked")
    void metadata_from_a_url_is_fetched_guarded_and_refreshed_for_certificate_rollover() throws Exception {
        ApiClient other = ApiClient.signUp(port, "Rollover");
        String slug = "roll-" + Long.toHexString(System.nanoTime());
        try (TestIdp first = new TestIdp(); TestIdp second = new TestIdp()) {
            java.util.concurrent.atomic.AtomicReference<String> body = new java.util.concurrent.atomic.AtomicReference<>(first.metadata());
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/md", exchange -> {
                byte[] bytes = body.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (bytes.length == 0) exchange.sendResponseHeaders(503, -1);
                else {
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                exchange.close();
            });
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/md";
            try {
                // a URL on a private address (here loopback) is refused before any connection: no SSRF through SSO
                assertThat(errors(configure(other, Map.of("enabled", true, "slug", slug, "idpMetadataUrl", url)), "configureSso"))
                        .extracting(e -> e.get("code")).containsExactly("VALIDATION");
                assertThat(jdbc.queryForObject("SELECT count(*) FROM sso_config WHERE organization_id = ?", Long.class, other.organizationId)).isZero();

                try (AutoCloseable trusted = TestMediaPolicy.trust(server.getAddress())) {
                    assertThat(errors(configure(other, Map.of("enabled", true, "slug", slug, "idpMetadataUrl", url)), "configureSso")).isEmpty();
                    String before = certificateSha(refresh(other));

                    // when the IdP rolls its signing certificate over, a refresh takes the new one
                    body.set(second.metadata().replace(second.entityId, first.entityId));
                    Map<String, Object> rolled = refresh(other);
                    assertThat((List<?>) rolled.get("errors")).isEmpty();
                    assertThat(certificateSha(rolled)).isNotEqualTo(before);
                    assertThat(((Map<String, Object>) rolled.get("settings")).get("metadataRefreshedAt")).isNotNull();
                    assertThat(((Map<String, Object>) rolled.get("settings")).get("metadataRefreshError")).isNull();

                    // when the URL suddenly describes another IdP, the refresh is refused and the last good metadata kept
                    body.set(second.metadata());
                    Map<String, Object> swapped = refresh(other);
                    assertThat((List<Map<String, Object>>) swapped.get("errors")).extracting(e -> e.get("code")).containsExactly("VALIDATION");
                    assertThat(certificateSha(swapped)).isEqualTo(certificateSha(rolled));
                    assertThat(((Map<String, Object>) swapped.get("settings")).get("idpEntityId")).isEqualTo(first.entityId);
                    assertThat((String) ((Map<String, Object>) swapped.get("settings")).get("metadataRefreshError")).contains("another IdP");

                    // and when the server fails, likewise
                    body.set("");
                    Map<String, Object> down = refresh(other);
                    assertThat((List<?>) down.get("errors")).hasSize(1);
                    assertThat(certificateSha(down)).isEqualTo(certificateSha(rolled));
                }
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void a_deactivated_member_stays_out() throws Exception {
        configured();
        TestIdp.Spec spec = idp.spec(startLogin());
        Map<String, Object> me = me(signedIn(postToAcs(idp.response(spec))));
        Map<String, Object> off = owner.post("mutation($i: MemberInput!) { deactivateMember(input: $i) { errors { code } } }",
                Map.of("i", Map.of("userId", me.get("id"))));
        assertThat(errors(off, "deactivateMember")).isEmpty();
        TestIdp.Spec again = idp.spec(startLogin());
        again.nameId = spec.nameId;
        EntityExchangeResult<String> result = postToAcs(idp.response(again));
        assertThat(result.getStatus().value()).isEqualTo(400);
        assertThat(result.getResponseBody()).contains("\"reason\":\"DEACTIVATED\"");
        assertThat(jdbc.queryForObject("SELECT active FROM rm_org_member WHERE organization_id = ? AND user_id = ?", Boolean.class,
                owner.organizationId, me.get("id"))).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_owner_signing_in_with_sso_stays_owner() throws Exception {
        configured();
        String email = (String) ((Map<String, Object>) ((Map<String, Object>) owner.post("{ me { email } }", Map.of()).get("data")).get("me")).get("email");
        TestIdp.Spec spec = idp.spec(startLogin());
        spec.nameId = email;
        spec.attributes.put("groups", List.of("qa"));
        Map<String, Object> me = me(signedIn(postToAcs(idp.response(spec))));
        assertThat(me.get("id")).isEqualTo(owner.userId);
        assertThat(me.get("role")).isEqualTo("OWNER");
    }

    @SuppressWarnings("unchecked")
    static String email(ApiClient who) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) who.post("{ me { email } }", Map.of()).get("data")).get("me")).get("email");
    }

    int switchTo(String cookie, String organizationId) {
        return ApiClient.web(port).post().uri("/api/session/organization").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.COOKIE, cookie)
                        .bodyValue(Map.of("organizationId", organizationId)).exchange().expectBody(String.class).returnResult().getStatus().value();
    }

    @SuppressWarnings("unchecked")
    List<String> organizations(String cookie) {
        Map<String, Object> body = ApiClient.web(port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.COOKIE, cookie)
                                            .bodyValue(Map.of("query", "{ me { organizations { id } } }"))
                                            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> orgs = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) body.get("data")).get("me")).get("organizations");
        return orgs.stream().map(o -> (String) o.get("id")).toList();
    }

    String signInWithPassword(String email) {
        return signedIn(ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "correct horse battery")).exchange().expectBody(String.class).returnResult());
    }

    long events(String type, String userId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ? AND position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class, "io.labelledger.identity.api." + type, userId);
    }

    /**
     * An IdP's assertion for the email of somebody's personal account never signs that account in (docs/adr/0026): the
     * person is an identity of this organization, bound to it, and the account and its own password stay untouched.
     */
    @Test
    void an_account_of_another_organization_is_never_taken_over() throws Exception {
        configured();
        ApiClient stranger = ApiClient.signUp(port, "Stranger");
        TestIdp.Spec spec = idp.spec(startLogin());
        spec.nameId = email(stranger);
        String cookie = signedIn(postToAcs(idp.response(spec)));
        Map<String, Object> me = me(cookie);
        assertThat(me.get("id")).isNotEqualTo(stranger.userId);
        assertThat(((Map<?, ?>) me.get("organization")).get("id")).isEqualTo(owner.organizationId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_org_member WHERE organization_id = ? AND user_id = ?", Long.class,
                owner.organizationId, stranger.userId)).isZero();
        assertThat(switchTo(cookie, stranger.organizationId)).isEqualTo(403);
        ApiClient.web(port).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                 .bodyValue(Map.of("email", spec.nameId, "password", "correct horse battery")).exchange().expectStatus().isOk()
                 .expectBody().jsonPath("$.userId").isEqualTo(stranger.userId);
    }

    /**
     * Issue 9, item 1, SAML variant: org B's SCIM provisions the email of org A's Owner, org B's IdP asserts it, and the
     * session tries to move into org A. The SCIM user is B's own identity, the SSO session is bound to B, the switch is
     * refused (403) and audited.
     */
    @Test
    void the_scim_link_and_sso_takeover_chain_is_refused() throws Exception {
        configured();
        ApiClient victim = ApiClient.signUp(port, "Victim");
        String token = owner.graphql().document("mutation { createScimToken(input: {name: \"Okta\"}) { token } }").execute()
                            .path("createScimToken.token").entity(String.class).get();
        String scimId = ApiClient.web(port).post().uri("/scim/v2/Users").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.parseMediaType("application/scim+json"))
                .bodyValue("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email(victim) + "\",\"active\":true}")
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(scimId).isNotEqualTo(victim.userId);

        TestIdp.Spec spec = idp.spec(startLogin());
        spec.nameId = email(victim);
        String cookie = signedIn(postToAcs(idp.response(spec)));
        assertThat(me(cookie).get("id")).isEqualTo(scimId);
        long refusedBefore = events("OrganizationSwitchRefused", scimId);
        assertThat(switchTo(cookie, victim.organizationId)).isEqualTo(403);
        assertThat(events("OrganizationSwitchRefused", scimId)).isEqualTo(refusedBefore + 1);
        assertThat(me(cookie).get("id")).isEqualTo(scimId); // still B's identity in B, nothing more
        assertThat(jdbc.queryForList("SELECT user_id FROM rm_org_member WHERE organization_id = ?", String.class, victim.organizationId))
                .containsExactly(victim.userId);
        assertThat(events("SignInSucceeded", scimId)).isEqualTo(1);
    }

    /** A NameID linked before ADR 0026 to an account that is no member here is not followed: no consent, no takeover. */
    @Test
    void an_old_link_to_an_account_outside_the_organization_is_not_followed() throws Exception {
        configured();
        ApiClient stranger = ApiClient.signUp(port, "Linked");
        TestIdp.Spec spec = idp.spec(startLogin());
        spec.nameId = email(stranger);
        jdbc.update("INSERT INTO saml_identity (organization_id, name_id, user_id, linked_at) VALUES (?, ?, ?, now())",
                owner.organizationId, spec.nameId, stranger.userId);
        String cookie = signedIn(postToAcs(idp.response(spec)));
        Object id = me(cookie).get("id");
        assertThat(id).isNotEqualTo(stranger.userId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_org_member WHERE organization_id = ? AND user_id = ?", Long.class,
                owner.organizationId, stranger.userId)).isZero();
        assertThat(jdbc.queryForObject("SELECT user_id FROM saml_identity WHERE organization_id = ? AND name_id = ?", String.class,
                owner.organizationId, spec.nameId)).isEqualTo(id);
    }

    /** SCIM after SSO: the provider's User is the identity SSO created here for the email (same person, same organization). */
    @Test
    void scim_provisions_the_identity_that_sso_created_here() throws Exception {
        configured();
        TestIdp.Spec spec = idp.spec(startLogin());
        Object id = me(signedIn(postToAcs(idp.response(spec)))).get("id");
        String token = owner.graphql().document("mutation { createScimToken(input: {name: \"Okta\"}) { token } }").execute()
                            .path("createScimToken.token").entity(String.class).get();
        Object scimId = ApiClient.web(port).post().uri("/scim/v2/Users").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.parseMediaType("application/scim+json"))
                .bodyValue("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + spec.nameId + "\",\"active\":true}")
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        assertThat(scimId).isEqualTo(id);
        assertThat(accounts(spec.nameId)).isOne();
    }

    /** A personal account that joined this organization (consent) signs in through its IdP: that session stays here. */
    @Test
    void a_personal_member_signing_in_with_sso_is_bound_to_this_organization() throws Exception {
        configured();
        ApiClient person = ApiClient.signUp(port, "Member");
        String email = email(person);
        int[] status = new int[1];
        ApiClient joined = person.session("/api/session/invitation", Map.of("token", owner.invite("ANNOTATOR")), status);
        assertThat(status[0]).isEqualTo(200);
        // with their own password they move between their organizations
        assertThat(joined.session("/api/session/organization", Map.of("organizationId", person.organizationId), status)).isNotNull();

        TestIdp.Spec spec = idp.spec(startLogin());
        spec.nameId = email;
        String cookie = signedIn(postToAcs(idp.response(spec)));
        assertThat(me(cookie).get("id")).isEqualTo(person.userId);
        assertThat(switchTo(cookie, person.organizationId)).isEqualTo(403);
        assertThat(((Map<?, ?>) me(cookie).get("organization")).get("id")).isEqualTo(owner.organizationId);
        // the organization switcher offers only where this session may go; the password session still sees both
        assertThat(organizations(cookie)).containsExactly(owner.organizationId);
        assertThat(organizations(signInWithPassword(email))).containsExactlyInAnyOrder(owner.organizationId, person.organizationId);
    }

    @Test
    void an_assertion_without_an_email_is_refused() throws Exception {
        refused("NO_EMAIL", s -> {
            s.nameId = "opaque-id-" + System.nanoTime();
            s.attributes.remove("email");
        });
    }

    @Test
    void an_encrypted_assertion_is_refused() throws Exception {
        refused("ENCRYPTED", s -> {}, root -> {
            Element assertion = TestIdp.child(root, SAMLConstants.SAML20_NS, "Assertion");
            Element encrypted = root.getOwnerDocument().createElementNS(SAMLConstants.SAML20_NS, "saml2:EncryptedAssertion");
            root.replaceChild(encrypted, assertion);
            return root;
        });
    }

    @Test
    void unsigned_response_and_assertion_are_refused() throws Exception {
        refused("UNSIGNED", s -> s.signAssertion = false);
    }

    @Test
    void a_signature_by_another_key_is_refused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var attacker = generator.generateKeyPair();
        var attackerCert = TestIdp.selfSigned(attacker, "CN=Test IdP");
        refused("BAD_SIGNATURE", s -> {
            s.signingKeys = attacker;
            s.signingCertificate = attackerCert;
        });
    }

    @Test
    void wrapping_an_extra_unsigned_assertion_beside_the_signed_one_is_refused() throws Exception {
        refused("WRAPPING", s -> {}, root -> {
            Element signed = TestIdp.child(root, SAMLConstants.SAML20_NS, "Assertion");
            root.insertBefore(TestIdp.evilCopy(signed, "evil@corp.test"), signed);
            return root;
        });
        assertThat(accounts("evil@corp.test")).isZero();
    }

    @Test
    void wrapping_the_signed_assertion_moved_into_extensions_is_refused() throws Exception {
        refused("WRAPPING", s -> {}, root -> {
            Element signed = TestIdp.child(root, SAMLConstants.SAML20_NS, "Assertion");
            Element evil = TestIdp.evilCopy(signed, "evil2@corp.test");
            Element extensions = root.getOwnerDocument().createElementNS(SAMLConstants.SAML20P_NS, "saml2p:Extensions");
            root.insertBefore(extensions, TestIdp.child(root, SAMLConstants.SAML20P_NS, "Status"));
            extensions.appendChild(signed); // moves it
            root.appendChild(evil);
            return root;
        });
        assertThat(accounts("evil2@corp.test")).isZero();
    }

    @Test
    void wrapping_a_signature_that_references_another_element_is_refused() throws Exception {
        refused("WRAPPING", s -> {
            s.signAssertion = false;
            s.signResponse = true;
        }, root -> {
            // the response's valid signature (Reference URI = the response's ID) moved onto the assertion that is read
            Element signature = TestIdp.child(root, DSIG, "Signature");
            root.removeChild(signature);
            Element assertion = TestIdp.child(root, SAMLConstants.SAML20_NS, "Assertion");
            Element issuer = TestIdp.child(assertion, SAMLConstants.SAML20_NS, "Issuer");
            assertion.insertBefore(signature, issuer.getNextSibling());
            return root;
        });
    }

    @Test
    void a_replayed_assertion_is_refused() throws Exception {
        configured();
        TestIdp.Spec spec = idp.spec(startLogin());
        String response = idp.response(spec);
        signedIn(postToAcs(response));
        long before = refusals("REPLAY");
        EntityExchangeResult<String> replay = postToAcs(response);
        assertThat(replay.getStatus().value()).isEqualTo(400);
        assertThat(replay.getResponseBody()).contains("\"reason\":\"REPLAY\"");
        assertThat(refusals("REPLAY")).isEqualTo(before + 1);
    }

    @Test
    void a_wrong_audience_is_refused() throws Exception {
        refused("AUDIENCE", s -> s.audience = "https://someone-else.test/sp");
    }

    @Test
    void a_wrong_recipient_is_refused() throws Exception {
        refused("RECIPIENT", s -> s.recipient = "https://evil.test/acs");
    }

    @Test
    void a_wrong_destination_is_refused() throws Exception {
        refused("DESTINATION", s -> s.destination = "https://evil.test/acs");
    }

    @Test
    void in_response_to_a_request_we_never_sent_is_refused() throws Exception {
        refused("IN_RESPONSE_TO", s -> s.inResponseTo = "_never-sent");
    }

    @Test
    void an_idp_initiated_response_is_refused() throws Exception {
        refused("IN_RESPONSE_TO", s -> s.inResponseTo = null);
    }

    @Test
    void an_expired_assertion_is_refused() throws Exception {
        refused("EXPIRED", s -> {
            s.notBefore = Instant.now().minus(Duration.ofMinutes(20));
            s.notOnOrAfter = Instant.now().minus(Duration.ofMinutes(10));
        });
    }

    @Test
    void an_assertion_from_the_future_is_refused() throws Exception {
        refused("NOT_YET_VALID", s -> {
            s.notBefore = Instant.now().plus(Duration.ofMinutes(10));
            s.notOnOrAfter = Instant.now().plus(Duration.ofMinutes(20));
        });
    }

    @Test
    void a_response_without_success_status_is_refused() throws Exception {
        refused("STATUS", s -> s.status = StatusCode.RESPONDER);
    }

    @Test
    void a_wrong_issuer_is_refused() throws Exception {
        refused("ISSUER", s -> s.issuer = "https://other-idp.test");
    }

    /** Issue 9, item 13: a flood of forged responses is counted in full but adds one audit entry a minute per reason. */
    @Test
    void forged_responses_reach_the_audit_log_once_a_minute_per_reason() throws Exception {
        long before = auditedFailures("AUDIENCE");
        for (int i = 0; i < 3; i++) refused("AUDIENCE", s -> s.audience = "https://someone-else.test/sp");
        await().atMost(Duration.ofSeconds(10)).until(() -> auditedFailures("AUDIENCE") > 0);
        Thread.sleep(500); // let a second entry, if one were published, reach the audit projection
        assertThat(auditedFailures("AUDIENCE") - before).isLessThanOrEqualTo(1);
        // the Owner reads it through the API like any audit entry, with the address it came from
        Map<String, Object> log = owner.post("""
                { auditLog(first: 5, filter: {eventType: "SignInFailed"}) { edges { node { eventType payload } } } }""", Map.of());
        assertThat(log.toString()).contains("SAML").contains("AUDIENCE");
    }

    @Test
    void refusals_are_visible_to_owners_in_the_settings() throws Exception {
        refused("UNSIGNED", s -> s.signAssertion = false);
        assertThat(owner.post("{ ssoSettings { refusals { reason attempts lastAt } } }", Map.of()).toString()).contains("UNSIGNED");
    }

    @Test
    void unknown_organizations_and_garbage_get_typed_answers() {
        configured();
        ApiClient.web(port).get().uri("/saml/no-such-org/login").exchange().expectStatus().isNotFound();
        ApiClient.web(port).get().uri("/saml/no-such-org/metadata").exchange().expectStatus().isNotFound();
        EntityExchangeResult<String> garbage = postToAcs("PHg+bm90IHNhbWw8L3g+"); // "<x>not saml</x>"
        assertThat(garbage.getStatus().value()).isEqualTo(400);
        assertThat(garbage.getResponseBody()).contains("\"reason\":\"MALFORMED\"");
        EntityExchangeResult<String> notBase64 = postToAcs("%%%");
        assertThat(notBase64.getStatus().value()).isEqualTo(400);
    }
}
