package io.labelledger.identity.read.scim;

import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectRole;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SCIM's User and Group resources as read (docs/adr/0014, 0026): a User is identity's {@code scim_user} row with its
 * membership's {@code active} from the directory; a Group is the directory's group (the organization context's read
 * model) with its members' userNames. Both are filtered and paged in one statement, which is why they are read here,
 * where the read models meet. Every query is scoped by the organization of the SCIM token.
 */
public class ScimResources {
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

    private final DatabaseClient db;

    public ScimResources(DatabaseClient db) {
        this.db = db;
    }

    public record Page<T>(long total, List<T> items) {}

    public record UserView(String id, String userName, String externalId, String givenName, String familyName, String displayName,
                           boolean active, long version, Instant created, Instant lastModified) {}

    /** {@code members}: user id → userName (null when not a SCIM User), ordered by userName. */
    public record GroupView(String id, String displayName, String externalId, OrganizationRole role, long version, Instant created,
                            Instant lastModified, Map<String, String> members, Set<String> workspaces, Map<String, ProjectRole> projects) {}

    // ---- users ------------------------------------------------------------------------------------------------

    private static final String USER_SELECT = """
            SELECT s.user_id, s.user_name, s.external_id, s.given_name, s.family_name, s.display_name,
                   COALESCE(m.active, FALSE) AS active, s.version, s.created_at, s.last_modified
            FROM scim_user s LEFT JOIN rm_org_member m ON m.organization_id = s.organization_id AND m.user_id = s.user_id
            """;

    private static UserView userView(Readable r) {
        return new UserView(r.get("user_id", String.class), r.get("user_name", String.class), r.get("external_id", String.class),
                r.get("given_name", String.class), r.get("family_name", String.class), r.get("display_name", String.class),
                Boolean.TRUE.equals(r.get("active", Boolean.class)), number(r, "version"), instant(r, "created_at"), instant(r, "last_modified"));
    }

    public Mono<UserView> user(String organizationId, String userId) {
        return db.sql(USER_SELECT + " WHERE s.organization_id = $1 AND s.user_id = $2")
                 .bind(0, organizationId).bind(1, userId).map(ScimResources::userView).one();
    }

    /** {@code filter} null: all. An attribute outside {@link #USER_FILTERABLE} or a mistyped value: {@link ScimSql.InvalidScimFilter}, at once. */
    public Mono<Page<UserView>> users(String organizationId, ScimFilter filter, int startIndex, int count) {
        return page(USER_SELECT, "s.organization_id = ?", "s.created_at, s.user_id", USER_COLUMNS, organizationId, filter, startIndex, count,
                ScimResources::userView);
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    private static final String GROUP_SELECT = """
            SELECT g.group_id, g.display_name, g.external_id, g.role, g.last_seq, g.created_at, g.last_modified FROM rm_group g
            """;

    private static GroupView groupView(Readable r) {
        String role = r.get("role", String.class);
        return new GroupView(r.get("group_id", String.class), r.get("display_name", String.class), r.get("external_id", String.class),
                role == null ? null : OrganizationRole.valueOf(role), number(r, "last_seq"), instant(r, "created_at"), instant(r, "last_modified"),
                Map.of(), Set.of(), Map.of());
    }

    public Mono<GroupView> group(String organizationId, String groupId) {
        return db.sql(GROUP_SELECT + " WHERE g.organization_id = $1 AND g.group_id = $2 AND NOT g.deleted")
                 .bind(0, organizationId).bind(1, groupId).map(ScimResources::groupView).one()
                 .flatMap(g -> withMembers(organizationId, List.of(g))).map(List::getFirst);
    }

    public Mono<Page<GroupView>> groups(String organizationId, ScimFilter filter, int startIndex, int count) {
        return page(GROUP_SELECT, "g.organization_id = ? AND NOT g.deleted", "g.created_at, g.group_id", GROUP_COLUMNS, organizationId,
                filter, startIndex, count, ScimResources::groupView)
                .flatMap(p -> withMembers(organizationId, p.items()).map(items -> new Page<>(p.total(), items)));
    }

    /** Members (with their userName), workspaces and projects for a page of groups: three queries, whatever the page's size. */
    private Mono<List<GroupView>> withMembers(String organizationId, List<GroupView> groups) {
        if (groups.isEmpty()) return Mono.just(groups);
        String[] ids = groups.stream().map(GroupView::id).toArray(String[]::new);
        Mono<Map<String, Map<String, String>>> members = db.sql("""
                SELECT gm.group_id, gm.user_id, s.user_name FROM rm_group_member gm
                LEFT JOIN scim_user s ON s.organization_id = $1 AND s.user_id = gm.user_id
                WHERE gm.group_id = ANY ($2) ORDER BY s.user_name""")
                .bind(0, organizationId).bind(1, ids)
                .map(r -> new String[]{r.get("group_id", String.class), r.get("user_id", String.class), r.get("user_name", String.class)}).all()
                .collect(LinkedHashMap::new, (Map<String, Map<String, String>> m, String[] row) ->
                        m.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], row[2]));
        Mono<Map<String, Set<String>>> workspaces = db.sql("SELECT group_id, workspace_id FROM rm_group_workspace WHERE group_id = ANY ($1)")
                .bind(0, ids).map(r -> Map.entry(r.get("group_id", String.class), r.get("workspace_id", String.class))).all()
                .collect(HashMap::new, (Map<String, Set<String>> m, Map.Entry<String, String> e) ->
                        m.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        Mono<Map<String, Map<String, ProjectRole>>> projects = db.sql("SELECT group_id, project_id, role FROM rm_group_project WHERE group_id = ANY ($1)")
                .bind(0, ids).map(r -> new String[]{r.get("group_id", String.class), r.get("project_id", String.class), r.get("role", String.class)}).all()
                .collect(HashMap::new, (Map<String, Map<String, ProjectRole>> m, String[] row) ->
                        m.computeIfAbsent(row[0], k -> new HashMap<>()).put(row[1], ProjectRole.valueOf(row[2])));
        return Mono.zip(members, workspaces, projects).map(t -> {
            List<GroupView> out = new ArrayList<>();
            for (GroupView g : groups) {
                out.add(new GroupView(g.id(), g.displayName(), g.externalId(), g.role(), g.version(), g.created(), g.lastModified(),
                        t.getT1().getOrDefault(g.id(), Map.of()), t.getT2().getOrDefault(g.id(), Set.of()), t.getT3().getOrDefault(g.id(), Map.of())));
            }
            return out;
        });
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    /** A count and a page in the filter's order; the condition is built first, so that a bad filter fails before any query. */
    private <T> Mono<Page<T>> page(String select, String scope, String order, Map<String, ScimSql.Column> columns, String organizationId,
                                   ScimFilter filter, int startIndex, int count, java.util.function.Function<Readable, T> mapper) {
        List<Object> params = new ArrayList<>();
        params.add(organizationId);
        String where = " WHERE " + scope;
        if (filter != null) {
            ScimSql.Condition c = ScimSql.where(filter, columns);
            where += " AND " + c.sql();
            params.addAll(c.params());
        }
        String from = select.substring(select.indexOf("FROM"));
        Mono<Long> total = bind(db.sql(numbered("SELECT count(*) AS total " + from + where)), params)
                .map(r -> number(r, "total")).one().defaultIfEmpty(0L);
        Mono<List<T>> items;
        if (count > 0) {
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(count);
            pageParams.add(startIndex - 1);
            items = bind(db.sql(numbered(select + where + " ORDER BY " + order + " LIMIT ? OFFSET ?")), pageParams).map(mapper::apply).all().collectList();
        } else {
            items = Mono.just(List.of());
        }
        return Mono.zip(total, items).map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    /** JDBC-style {@code ?} → PostgreSQL's {@code $n}, in order (no text written here contains a literal question mark). */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') out.append('$').append(++n);
            else out.append(ch);
        }
        return out.toString();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, List<Object> params) {
        for (int i = 0; i < params.size(); i++) spec = spec.bind(i, params.get(i));
        return spec;
    }

    private static long number(Readable r, String column) {
        Long n = r.get(column, Long.class); // every number read here is a BIGINT
        return n == null ? 0 : n;
    }

    private static Instant instant(Readable r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
