package io.labelledger.identity.ldap;

import io.labelledger.organization.api.OrganizationRole;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ldap_settings table. Blocking JDBC: call from boundedElastic. */
public class LdapSettingsStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;

    public LdapSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LdapSettings> forOrganization(String organizationId) {
        return jdbc.query("SELECT * FROM ldap_settings WHERE organization_id = ?", LdapSettingsStore::row, organizationId).stream().findFirst();
    }

    /**
     * The enabled directory that signs in people of this email domain, if any: only that of the organization holding
     * the domain's verified claim (docs/adr/0026); an unverified claim routes nothing.
     */
    public Optional<LdapSettings> forDomain(String domain) {
        return jdbc.query("""
                SELECT l.* FROM ldap_settings l JOIN email_domain_claim c
                  ON c.organization_id = l.organization_id AND c.domain = l.email_domain AND c.verified_at IS NOT NULL
                WHERE l.email_domain = ? AND l.enabled""", LdapSettingsStore::row, domain).stream().findFirst();
    }

    /**
     * Inserts or replaces; a null password keeps the stored one. Several organizations may name one domain: only the
     * verified claim routes sign-ins (DomainClaims, ADR 0026).
     */
    public void save(LdapSettings s, String by, Instant at) {
        jdbc.update("""
                INSERT INTO ldap_settings (organization_id, enabled, email_domain, url, bind_dn, bind_password, user_base_dn,
                                           user_filter, group_base_dn, default_role, role_mappings, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (organization_id) DO UPDATE SET enabled = EXCLUDED.enabled, email_domain = EXCLUDED.email_domain,
                    url = EXCLUDED.url, bind_dn = EXCLUDED.bind_dn,
                    bind_password = COALESCE(EXCLUDED.bind_password, ldap_settings.bind_password),
                    user_base_dn = EXCLUDED.user_base_dn, user_filter = EXCLUDED.user_filter, group_base_dn = EXCLUDED.group_base_dn,
                    default_role = EXCLUDED.default_role, role_mappings = EXCLUDED.role_mappings,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""",
                s.organizationId(), s.enabled(), s.emailDomain(), s.url(), s.bindDn(), s.bindPassword(), s.userBaseDn(),
                s.userFilter(), s.groupBaseDn(), s.defaultRole() == null ? null : s.defaultRole().name(),
                JSON.writeValueAsString(s.roleMappings()), by, Timestamp.from(at));
    }

    private static LdapSettings row(ResultSet rs, int i) throws SQLException {
        String role = rs.getString("default_role");
        List<LdapSettings.RoleMapping> mappings = JSON.readValue(rs.getString("role_mappings"), new TypeReference<>() {});
        return new LdapSettings(rs.getString("organization_id"), rs.getBoolean("enabled"), rs.getString("email_domain"),
                rs.getString("url"), rs.getString("bind_dn"), rs.getString("bind_password"), rs.getString("user_base_dn"),
                rs.getString("user_filter"), rs.getString("group_base_dn"), role == null ? null : OrganizationRole.valueOf(role),
                mappings, rs.getTimestamp("updated_at").toInstant());
    }
}
