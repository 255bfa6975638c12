package io.labelledger.identity.scim;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM tokens and per-organization User attributes (scim_user): identity's own tables only. Blocking JDBC: call from
 * boundedElastic. Every query is scoped by the organization of the {@link ScimClient}. The resources as SCIM reads them
 * (a User's {@code active}, the Groups: the directory's) are query's {@code ScimResources}.
 */
public class ScimStore {
    private final JdbcTemplate jdbc;

    public ScimStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- tokens -----------------------------------------------------------------------------------------------

    public void insertToken(String tokenId, String organizationId, String name, String hash, String createdBy, Instant now) {
        jdbc.update("""
                INSERT INTO scim_token (token_id, organization_id, name, token_hash, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", tokenId, organizationId, name, hash, createdBy, Timestamp.from(now));
    }

    public List<ScimTokenView> tokens(String organizationId) {
        return jdbc.query("""
                SELECT token_id, name, created_at, last_used_at FROM scim_token
                WHERE organization_id = ? AND revoked_at IS NULL ORDER BY created_at DESC""",
                (rs, i) -> new ScimTokenView(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4)), organizationId);
    }

    public boolean revokeToken(String organizationId, String tokenId, Instant now) {
        return jdbc.update("UPDATE scim_token SET revoked_at = ? WHERE token_id = ? AND organization_id = ? AND revoked_at IS NULL",
                Timestamp.from(now), tokenId, organizationId) == 1;
    }

    /** A live (unrevoked) token: its organization and creator. */
    public record LiveToken(String tokenId, String organizationId, String createdBy) {}

    public Optional<LiveToken> liveToken(String hash) {
        return jdbc.query("SELECT token_id, organization_id, created_by FROM scim_token WHERE token_hash = ? AND revoked_at IS NULL",
                (rs, i) -> new LiveToken(rs.getString(1), rs.getString(2), rs.getString(3)), hash).stream().findFirst();
    }

    public void tokenUsed(String tokenId, Instant now) {
        jdbc.update("UPDATE scim_token SET last_used_at = ? WHERE token_id = ?", Timestamp.from(now), tokenId);
    }

    // ---- users ------------------------------------------------------------------------------------------------

    public record UserRow(String id, ScimUser user, long version, Instant created, Instant lastModified) {}

    public record Page<T>(long total, List<T> items) {}

    /**
     * The row, locked until the transaction ends, so that version checks and writes do not interleave. Its
     * {@code active} is false here: it is the directory's (the caller reads it through query).
     */
    public Optional<UserRow> lockUser(String organizationId, String userId) {
        return jdbc.query("""
                SELECT user_id, user_name, external_id, given_name, family_name, display_name, version, created_at, last_modified
                FROM scim_user WHERE organization_id = ? AND user_id = ? FOR UPDATE""",
                (rs, i) -> new UserRow(rs.getString(1), new ScimUser(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), false), rs.getLong(7), instant(rs, 8), instant(rs, 9)),
                organizationId, userId).stream().findFirst();
    }

    public boolean userNameTaken(String organizationId, String userName) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM scim_user WHERE organization_id = ? AND lower(user_name) = lower(?))",
                Boolean.class, organizationId, userName));
    }

    public void insertUser(String organizationId, String userId, ScimUser u, Instant now) {
        jdbc.update("""
                INSERT INTO scim_user (organization_id, user_id, user_name, external_id, given_name, family_name, display_name,
                                       version, created_at, last_modified)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
                organizationId, userId, u.userName(), u.externalId(), u.givenName(), u.familyName(), u.displayName(),
                Timestamp.from(now), Timestamp.from(now));
    }

    public void updateUser(String organizationId, String userId, ScimUser u, Instant now) {
        jdbc.update("""
                UPDATE scim_user SET user_name = ?, external_id = ?, given_name = ?, family_name = ?, display_name = ?,
                                     version = version + 1, last_modified = ?
                WHERE organization_id = ? AND user_id = ?""",
                u.userName(), u.externalId(), u.givenName(), u.familyName(), u.displayName(), Timestamp.from(now),
                organizationId, userId);
    }

    /** Writes a row back exactly as it was read (compensation after a refused membership command). */
    public void putUser(String organizationId, UserRow row) {
        ScimUser u = row.user();
        jdbc.update("""
                INSERT INTO scim_user (organization_id, user_id, user_name, external_id, given_name, family_name, display_name,
                                       version, created_at, last_modified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (organization_id, user_id) DO UPDATE SET user_name = EXCLUDED.user_name,
                    external_id = EXCLUDED.external_id, given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
                    display_name = EXCLUDED.display_name, version = EXCLUDED.version, last_modified = EXCLUDED.last_modified""",
                organizationId, row.id(), u.userName(), u.externalId(), u.givenName(), u.familyName(), u.displayName(),
                row.version(), Timestamp.from(row.created()), Timestamp.from(row.lastModified()));
    }

    public void deleteUser(String organizationId, String userId) {
        jdbc.update("DELETE FROM scim_user WHERE organization_id = ? AND user_id = ?", organizationId, userId);
    }

    /** Which of the ids are SCIM Users of the organization. */
    public Set<String> existingUsers(String organizationId, Collection<String> ids) {
        if (ids.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.queryForList("SELECT user_id FROM scim_user WHERE organization_id = ? AND user_id = ANY (?)",
                String.class, organizationId, ids.toArray(String[]::new)));
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    /** A Group resource: the directory's group, {@code memberNames} user id → userName (read through query). */
    public record GroupRow(String id, ScimGroup group, long version, Instant created, Instant lastModified,
                           Map<String, String> memberNames) {}

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
