package io.labelledger.identity;

import io.labelledger.testing.TestServers;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V26 (docs/adr/0026) on a database with data of the model before it, on a real PostgreSQL: accounts an
 * identity provider created for exactly one organization become bound to it, everybody else stays personal, and email
 * uniqueness holds per kind.
 */
class IdentityModelMigrationIT {
    static final String ORG_A = "0a000000-0000-4000-8000-00000000000a";
    static final String ORG_B = "0b000000-0000-4000-8000-00000000000b";

    @Test
    void providerCreatedAccountsOfOneOrganizationBecomeBoundToIt() throws Exception {
        String url = freshDatabase();
        DriverManagerDataSource ds = new DriverManagerDataSource(url);
        // the model before V26 (V22..V25 of other slices, if any, run with V26 below)
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("21").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        account(jdbc, "scim-one", "nora@corp.test", "!scim");   // SCIM-created, member of A only
        account(jdbc, "sso-two", "sam@corp.test", "!sso");      // SSO-created, but a member of A and B (linked before)
        account(jdbc, "personal", "pat@corp.test", "$2a$12$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234");
        member(jdbc, ORG_A, "scim-one");
        member(jdbc, ORG_A, "sso-two");
        member(jdbc, ORG_B, "sso-two");
        member(jdbc, ORG_A, "personal");

        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        assertThat(home(jdbc, "scim-one")).isEqualTo(ORG_A);
        assertThat(home(jdbc, "sso-two")).isNull();
        assertThat(home(jdbc, "personal")).isNull();
        assertThat(jdbc.queryForObject("SELECT session_epoch FROM user_account WHERE user_id = 'personal'", Integer.class)).isZero();

        // one personal account per email; one bound identity per email and organization; the two kinds side by side
        assertThatThrownBy(() -> account(jdbc, "personal-2", "pat@corp.test", "x")).isInstanceOf(DuplicateKeyException.class);
        bound(jdbc, "bound-pat-a", "pat@corp.test", ORG_A);
        bound(jdbc, "bound-pat-b", "pat@corp.test", ORG_B);
        assertThatThrownBy(() -> bound(jdbc, "bound-pat-a2", "pat@corp.test", ORG_A)).isInstanceOf(DuplicateKeyException.class);
        // one verified claim per domain, any number of unverified ones
        claim(jdbc, ORG_A, "corp.test", true);
        claim(jdbc, ORG_B, "corp.test", false);
        assertThatThrownBy(() -> jdbc.update("UPDATE email_domain_claim SET verified_at = now() WHERE organization_id = ?", ORG_B))
                .isInstanceOf(DuplicateKeyException.class);
    }

    static void account(JdbcTemplate jdbc, String id, String email, String hash) {
        jdbc.update("INSERT INTO user_account (user_id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                id, email, id, hash, Timestamp.from(Instant.parse("2026-11-01T10:00:00Z")));
    }

    static void bound(JdbcTemplate jdbc, String id, String email, String org) {
        jdbc.update("INSERT INTO user_account (user_id, email, display_name, password_hash, created_at, home_organization_id) VALUES (?, ?, ?, '!scim', now(), ?)",
                id, email, id, org);
    }

    static void member(JdbcTemplate jdbc, String org, String user) {
        jdbc.update("INSERT INTO rm_org_member (organization_id, user_id, role, joined_at) VALUES (?, ?, 'ANNOTATOR', now())", org, user);
    }

    static void claim(JdbcTemplate jdbc, String org, String domain, boolean verified) {
        jdbc.update("INSERT INTO email_domain_claim (organization_id, domain, token, created_at, verified_at) VALUES (?, ?, 'token', now(), ?)",
                org, domain, verified ? Timestamp.from(Instant.now()) : null);
    }

    static String home(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("SELECT home_organization_id FROM user_account WHERE user_id = ?", String.class, id);
    }

    /** A database of its own on the tests' PostgreSQL (named like TestServers' so that a later run drops it). */
    static String freshDatabase() throws Exception {
        String url = TestServers.jdbcUrl();
        String name = "ll_test_v26_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getRawAuthority() + "/" + name + query;
    }
}
