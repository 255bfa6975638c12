package io.labelledger.identity.scim;

import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectRole;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SCIM tokens, per-organization User attributes (scim_user), and the Group resource's page reads. Blocking JDBC: call
 * from boundedElastic. Every query is scoped by the organization of the {@link ScimClient}. (The User resource's
 * {@code active} and the Group resource read the directory's tables in the same statement, for SCIM's filters and
 * paging: docs/adr/0026, "Where the code lives"; everything else of the directory is read through query.)
 */
public class ScimStore {
    /** Attribute → column of the Users query (alias s = scim_user, m = rm_org_member). The filter allow-list. */
    static final Map<String, ScimSql.Column> USER_COLUMNS = Map.of(
            "userName", new ScimSql.Column("s.user_name", ScimSql.Type.STRING_CI),
            "emails.value", new ScimSql.Column("s.user_name", ScimSql.Type.STRING_CI),
            "name.givenName", new ScimSql.Column("s.given_name", ScimSql.Type.STRING_CI),
            "name.familyName", new ScimSql.Column("s.family_name", ScimSql.Type.STRING_CI),
            "displayName", new ScimSql.Column("s.display_name", ScimSql.Type.STRING_CI),
            "externalId", new ScimSql.Column("s.external_id", ScimSql.Type.STRING_EXACT),
            "active", new ScimSql.Column("COALESCE(m.active, FALSE)", ScimSql.Type.BOOLEAN),
            "meta.created", new ScimSql.Column("s.created_at", ScimSql.Type.TIMESTAMP),
            "meta.lastModified", new ScimSql.Column("s.last_modified", ScimSql.Type.TIMESTAMP),
            "id", new ScimSql.Column("s.user_id", ScimSql.Type.STRING_EXACT));
    public static final List<String> USER_FILTERABLE = List.copyOf(USER_COLUMNS.keySet());

    /** Attribute → column of the Groups query (alias g = rm_group). */
    static final Map<String, ScimSql.Column> GROUP_COLUMNS = Map.of(
            "displayName", new ScimSql.Column("g.display_name", ScimSql.Type.STRING_CI),
            "externalId", new ScimSql.Column("g.external_id", ScimSql.Type.STRING_EXACT),
            "id", new ScimSql.Column("g.group_id", ScimSql.Type.STRING_EXACT),
            "members.value", new ScimSql.Column("gm.user_id", ScimSql.Type.STRING_EXACT,
                    "EXISTS (SELECT 1 FROM rm_group_member gm WHERE gm.group_id = g.group_id AND %s)"));
    public static final List<String> GROUP_FILTERABLE = List.copyOf(GROUP_COLUMNS.keySet());

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

    private static final String USER_SELECT = """
            SELECT s.user_id, s.user_name, s.external_id, s.given_name, s.family_name, s.display_name,
                   COALESCE(m.active, FALSE), s.version, s.created_at, s.last_modified
            FROM scim_user s LEFT JOIN rm_org_member m ON m.organization_id = s.organization_id AND m.user_id = s.user_id
            """;

    private static UserRow userRow(ResultSet rs, int i) throws SQLException {
        return new UserRow(rs.getString(1), new ScimUser(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7)), rs.getLong(8), instant(rs, 9), instant(rs, 10));
    }

    public Optional<UserRow> user(String organizationId, String userId) {
        return jdbc.query(USER_SELECT + " WHERE s.organization_id = ? AND s.user_id = ?", ScimStore::userRow, organizationId, userId)
                   .stream().findFirst();
    }

    /** The row, locked until the transaction ends, so that version checks and writes do not interleave. */
    public Optional<UserRow> lockUser(String organizationId, String userId) {
        return jdbc.query(USER_SELECT + " WHERE s.organization_id = ? AND s.user_id = ? FOR UPDATE OF s", ScimStore::userRow,
                organizationId, userId).stream().findFirst();
    }

    public Page<UserRow> users(String organizationId, ScimFilter filter, int startIndex, int count) {
        return page(USER_SELECT, "s.organization_id = ?", "s.created_at, s.user_id", USER_COLUMNS, organizationId, filter,
                startIndex, count, ScimStore::userRow);
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

    public record GroupRow(String id, ScimGroup group, long version, Instant created, Instant lastModified,
                           Map<String, String> memberNames) {}

    private static final String GROUP_SELECT = """
            SELECT g.group_id, g.display_name, g.external_id, g.role, g.last_seq, g.created_at, g.last_modified FROM rm_group g
            """;

    public Optional<GroupRow> group(String organizationId, String groupId) {
        List<GroupRow> rows = jdbc.query(GROUP_SELECT + " WHERE g.organization_id = ? AND g.group_id = ? AND NOT g.deleted",
                (rs, i) -> groupRow(rs, Map.of()), organizationId, groupId);
        return rows.stream().findFirst().map(g -> withMembers(organizationId, List.of(g)).getFirst());
    }

    public Page<GroupRow> groups(String organizationId, ScimFilter filter, int startIndex, int count) {
        Page<GroupRow> p = page(GROUP_SELECT, "g.organization_id = ? AND NOT g.deleted", "g.created_at, g.group_id", GROUP_COLUMNS,
                organizationId, filter, startIndex, count, (rs, i) -> groupRow(rs, Map.of()));
        return new Page<>(p.total(), withMembers(organizationId, p.items()));
    }

    private static GroupRow groupRow(ResultSet rs, Map<String, String> members) throws SQLException {
        String role = rs.getString(4);
        return new GroupRow(rs.getString(1), new ScimGroup(rs.getString(2), rs.getString(3),
                role == null ? null : OrganizationRole.valueOf(role), members.keySet(), Set.of()),
                rs.getLong(5), instant(rs, 6), instant(rs, 7), members);
    }

    /** Members with their userName as display, for a page of groups in one query. */
    private List<GroupRow> withMembers(String organizationId, List<GroupRow> groups) {
        if (groups.isEmpty()) return groups;
        Map<String, Map<String, String>> byGroup = new LinkedHashMap<>();
        jdbc.query("""
                SELECT gm.group_id, gm.user_id, s.user_name FROM rm_group_member gm
                LEFT JOIN scim_user s ON s.organization_id = ? AND s.user_id = gm.user_id
                WHERE gm.group_id = ANY (?) ORDER BY s.user_name""",
                rs -> { byGroup.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3)); },
                organizationId, groups.stream().map(GroupRow::id).toArray(String[]::new));
        Map<String, Set<String>> workspaces = new HashMap<>();
        jdbc.query("SELECT group_id, workspace_id FROM rm_group_workspace WHERE group_id = ANY (?)",
                rs -> { workspaces.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)); },
                (Object) groups.stream().map(GroupRow::id).toArray(String[]::new));
        Map<String, Map<String, ProjectRole>> projects = new HashMap<>();
        jdbc.query("SELECT group_id, project_id, role FROM rm_group_project WHERE group_id = ANY (?)",
                rs -> { projects.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), ProjectRole.valueOf(rs.getString(3))); },
                (Object) groups.stream().map(GroupRow::id).toArray(String[]::new));
        List<GroupRow> out = new ArrayList<>();
        for (GroupRow g : groups) {
            Map<String, String> members = byGroup.getOrDefault(g.id(), Map.of());
            out.add(new GroupRow(g.id(), new ScimGroup(g.group().displayName(), g.group().externalId(), g.group().role(), members.keySet(),
                    workspaces.getOrDefault(g.id(), Set.of()), projects.getOrDefault(g.id(), Map.of())),
                    g.version(), g.created(), g.lastModified(), members));
        }
        return out;
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    private <T> Page<T> page(String select, String scope, String order, Map<String, ScimSql.Column> columns, String organizationId,
                             ScimFilter filter, int startIndex, int count, org.springframework.jdbc.core.RowMapper<T> mapper) {
        List<Object> params = new ArrayList<>();
        params.add(organizationId);
        String where = " WHERE " + scope;
        if (filter != null) {
            ScimSql.Condition c = ScimSql.where(filter, columns);
            where += " AND " + c.sql();
            params.addAll(c.params());
        }
        String from = select.substring(select.indexOf("FROM"));
        Long total = jdbc.queryForObject("SELECT count(*) " + from + where, Long.class, params.toArray());
        List<T> items = List.of();
        if (count > 0) {
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(count);
            pageParams.add(startIndex - 1);
            items = jdbc.query(select + where + " ORDER BY " + order + " LIMIT ? OFFSET ?", mapper, pageParams.toArray());
        }
        return new Page<>(total == null ? 0 : total, items);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
