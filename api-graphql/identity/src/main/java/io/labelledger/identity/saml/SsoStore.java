package io.labelledger.identity.saml;

import io.labelledger.organization.api.OrganizationRole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * SSO configuration, NameID links and the refusal record (identity state, not events: it holds keys). Blocking
 * JDBC: call from boundedElastic.
 */
public class SsoStore {
    /** Refusal rows kept per organization (organization x reason x hour); older ones are dropped on insert. */
    static final int MAX_REFUSAL_ROWS = 500;
    private static final TypeReference<List<RoleMapping>> MAPPINGS = new TypeReference<>() {};
    private static final TypeReference<List<WorkspaceMapping>> WORKSPACE_MAPPINGS = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public SsoStore(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** IdP attribute value -> organization role (never OWNER). */
    public record RoleMapping(String attribute, String value, OrganizationRole role) {}

    /** IdP attribute value -> a workspace the person joins at sign-in (docs/adr/0020). */
    public record WorkspaceMapping(String attribute, String value, String workspaceId) {}

    public record SsoConfig(String organizationId, String slug, boolean enabled, String idpEntityId, String idpSsoUrl,
                            String idpCertificates, String idpMetadataUrl, OrganizationRole defaultRole,
                            List<RoleMapping> roleMappings, String spCertificate, byte[] sealedKey, Instant updatedAt,
                            List<WorkspaceMapping> workspaceMappings) {
        public SsoConfig {
            workspaceMappings = workspaceMappings == null ? List.of() : List.copyOf(workspaceMappings);
        }
    }

    public record Refusal(String reason, Instant hour, int attempts, Instant lastAt, String lastClientIp, String lastDetail) {}

    public Optional<SsoConfig> byOrganization(String organizationId) {
        return one("organization_id = ?", organizationId);
    }

    /** By the slug people type, or by the organization id. */
    public Optional<SsoConfig> bySlugOrId(String key) {
        return one("slug = ? OR organization_id = ?", key, key);
    }

    private Optional<SsoConfig> one(String where, Object... args) {
        return jdbc.query("""
                SELECT organization_id, slug, enabled, idp_entity_id, idp_sso_url, idp_certificates, idp_metadata_url,
                       default_role, role_mappings, sp_certificate, sp_private_key, updated_at, workspace_mappings
                FROM sso_config WHERE\s""" + where, this::config, args).stream().findFirst();
    }

    private SsoConfig config(ResultSet rs, int i) throws SQLException {
        return new SsoConfig(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), OrganizationRole.valueOf(rs.getString(8)),
                json.readValue(rs.getString(9), MAPPINGS), rs.getString(10), rs.getBytes(11), rs.getTimestamp(12).toInstant(),
                json.readValue(rs.getString(13), WORKSPACE_MAPPINGS));
    }

    /** False when the slug belongs to another organization. */
    public boolean save(SsoConfig c, String updatedBy) {
        try {
            jdbc.update("""
                    INSERT INTO sso_config (organization_id, slug, enabled, idp_entity_id, idp_sso_url, idp_certificates,
                        idp_metadata_url, default_role, role_attribute, role_mappings, sp_certificate, sp_private_key, updated_at, updated_by,
                        workspace_mappings)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (organization_id) DO UPDATE SET slug = EXCLUDED.slug, enabled = EXCLUDED.enabled,
                        idp_entity_id = EXCLUDED.idp_entity_id, idp_sso_url = EXCLUDED.idp_sso_url,
                        idp_certificates = EXCLUDED.idp_certificates, idp_metadata_url = EXCLUDED.idp_metadata_url,
                        default_role = EXCLUDED.default_role, role_mappings = EXCLUDED.role_mappings,
                        workspace_mappings = EXCLUDED.workspace_mappings,
                        updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""",
                    c.organizationId(), c.slug(), c.enabled(), c.idpEntityId(), c.idpSsoUrl(), c.idpCertificates(),
                    c.idpMetadataUrl(), c.defaultRole().name(), json.writeValueAsString(c.roleMappings()), c.spCertificate(),
                    c.sealedKey(), Timestamp.from(clock.instant()), updatedBy, json.writeValueAsString(c.workspaceMappings()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    // ---- metadata by URL (docs/adr/0025) ----------------------------------------------------------------

    /** When the metadata URL was last read successfully, and the error of the last attempt (null after a success). */
    public record MetadataRefresh(Instant refreshedAt, String error) {}

    public MetadataRefresh metadataRefresh(String organizationId) {
        return jdbc.query("SELECT idp_metadata_refreshed_at, idp_metadata_error FROM sso_config WHERE organization_id = ?",
                (rs, i) -> new MetadataRefresh(rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), rs.getString(2)),
                organizationId).stream().findFirst().orElse(new MetadataRefresh(null, null));
    }

    /** The same IdP's current sign-on URL and certificates, read from its metadata URL. */
    public void idpRefreshed(String organizationId, String ssoUrl, String certificates) {
        jdbc.update("UPDATE sso_config SET idp_sso_url = ?, idp_certificates = ?, idp_metadata_refreshed_at = ?, idp_metadata_error = NULL"
                    + " WHERE organization_id = ?", ssoUrl, certificates, Timestamp.from(clock.instant()), organizationId);
    }

    /** The attempt failed: the last good metadata stays. */
    public void idpRefreshFailed(String organizationId, String error) {
        jdbc.update("UPDATE sso_config SET idp_metadata_error = ? WHERE organization_id = ?",
                error.length() > 500 ? error.substring(0, 500) : error, organizationId);
    }

    public List<String> organizationsWithMetadataUrl() {
        return jdbc.queryForList("SELECT organization_id FROM sso_config WHERE idp_metadata_url IS NOT NULL ORDER BY organization_id", String.class);
    }

    public void setEnabled(String organizationId, boolean enabled, String updatedBy) {
        jdbc.update("UPDATE sso_config SET enabled = ?, updated_at = ?, updated_by = ? WHERE organization_id = ?",
                enabled, Timestamp.from(clock.instant()), updatedBy, organizationId);
    }

    // ---- NameID links ----------------------------------------------------------------------------------

    public Optional<String> linkedUser(String organizationId, String nameId) {
        return jdbc.queryForList("SELECT user_id FROM saml_identity WHERE organization_id = ? AND name_id = ?", String.class,
                organizationId, nameId).stream().findFirst();
    }

    /** Links the NameID to the account, replacing a link that no longer stands (docs/adr/0026). */
    public void link(String organizationId, String nameId, String userId) {
        jdbc.update("""
                INSERT INTO saml_identity (organization_id, name_id, user_id, linked_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (organization_id, name_id) DO UPDATE SET user_id = EXCLUDED.user_id, linked_at = EXCLUDED.linked_at""",
                organizationId, nameId, userId, Timestamp.from(clock.instant()));
    }

    /** The member's active flag in the organization, empty when not a member. */
    public boolean accountActive(String userId) {
        return jdbc.queryForList("SELECT active FROM user_account WHERE user_id = ?", Boolean.class, userId).stream().findFirst().orElse(false);
    }

    // ---- refusals --------------------------------------------------------------------------------------

    /**
     * Counts a refusal in its (organization, reason, hour) row: a flood of forged responses adds attempts, not rows.
     * Only ids and the client address are kept, never content of the untrusted message.
     */
    public void refused(String organizationId, String reason, String clientIp, String detail) {
        Instant now = clock.instant();
        String shortDetail = detail == null ? null : detail.length() > 200 ? detail.substring(0, 200) : detail;
        jdbc.update("""
                INSERT INTO saml_refusal (organization_id, reason, hour, attempts, last_at, last_client_ip, last_detail)
                VALUES (?, ?, ?, 1, ?, ?, ?)
                ON CONFLICT (organization_id, reason, hour) DO UPDATE SET attempts = saml_refusal.attempts + 1,
                    last_at = EXCLUDED.last_at, last_client_ip = EXCLUDED.last_client_ip, last_detail = EXCLUDED.last_detail""",
                organizationId, reason, Timestamp.from(now.truncatedTo(ChronoUnit.HOURS)), Timestamp.from(now), clientIp, shortDetail);
        jdbc.update("""
                DELETE FROM saml_refusal WHERE organization_id = ? AND hour < (
                    SELECT hour FROM saml_refusal WHERE organization_id = ? ORDER BY hour DESC OFFSET ? LIMIT 1)""",
                organizationId, organizationId, MAX_REFUSAL_ROWS);
    }

    public List<Refusal> refusals(String organizationId, int limit) {
        return jdbc.query("""
                SELECT reason, hour, attempts, last_at, last_client_ip, last_detail FROM saml_refusal
                WHERE organization_id = ? ORDER BY last_at DESC LIMIT ?""",
                (rs, i) -> new Refusal(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), rs.getString(6)), organizationId, limit);
    }
}
