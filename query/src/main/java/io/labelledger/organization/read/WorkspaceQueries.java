package io.labelledger.organization.read;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Collection;

/** Workspaces of one organization and their members (the organization id always comes from the caller). */
public class WorkspaceQueries {
    private static final String SELECT = """
            SELECT w.workspace_id, w.name, w.archived, w.created_at,
                   (SELECT count(*) FROM rm_workspace_member m WHERE m.workspace_id = w.workspace_id AND NOT m.removed) AS members,
                   (SELECT count(*) FROM rm_project_workspace p WHERE p.workspace_id = w.workspace_id) AS projects
            FROM rm_workspace w WHERE w.organization_id = :org""";
    private final DatabaseClient db;

    public WorkspaceQueries(DatabaseClient db) {
        this.db = db;
    }

    /** By name. {@code memberId}: only the workspaces that user belongs to (null: all). */
    public Flux<WorkspaceView> list(String organizationId, String memberId, boolean includeArchived) {
        String sql = SELECT
                + (includeArchived ? "" : " AND NOT w.archived")
                + (memberId == null ? "" : " AND EXISTS (SELECT 1 FROM rm_workspace_member m WHERE m.workspace_id = w.workspace_id AND m.user_id = :user AND NOT m.removed)")
                + " ORDER BY lower(w.name), w.workspace_id";
        var spec = db.sql(sql).bind("org", organizationId);
        if (memberId != null) spec = spec.bind("user", memberId);
        return spec.map(WorkspaceQueries::view).all();
    }

    public Mono<WorkspaceView> get(String organizationId, String workspaceId) {
        return db.sql(SELECT + " AND w.workspace_id = :id").bind("org", organizationId).bind("id", workspaceId)
                 .map(WorkspaceQueries::view).one();
    }

    public Flux<WorkspaceView> byIds(String organizationId, Collection<String> ids) {
        if (ids.isEmpty()) return Flux.empty();
        return db.sql(SELECT + " AND w.workspace_id = ANY(:ids)").bind("org", organizationId).bind("ids", ids.toArray(String[]::new))
                 .map(WorkspaceQueries::view).all();
    }

    public Mono<Boolean> isMember(String organizationId, String workspaceId, String userId) {
        return db.sql("""
                SELECT count(*) AS n FROM rm_workspace_member
                WHERE organization_id = :org AND workspace_id = :ws AND user_id = :user AND NOT removed""")
                 .bind("org", organizationId).bind("ws", workspaceId).bind("user", userId)
                 .map(r -> r.get("n", Long.class) > 0).one();
    }

    /** Active and inactive members of the workspace with their organization role. */
    public Flux<MemberView> members(String organizationId, String workspaceId) {
        return db.sql("SELECT " + MemberQueries.MEMBER_COLUMNS + " " + """
                FROM rm_workspace_member wm
                JOIN rm_org_member m ON m.organization_id = wm.organization_id AND m.user_id = wm.user_id
                JOIN user_account u ON u.user_id = m.user_id
                WHERE wm.organization_id = :org AND wm.workspace_id = :ws AND NOT wm.removed
                ORDER BY u.display_name, m.user_id""")
                 .bind("org", organizationId).bind("ws", workspaceId)
                 .map(MemberQueries::member)
                 .all();
    }

    /** The workspace's memberships that SCIM or SAML granted (the others were added by a person). */
    public Flux<WorkspaceMemberGrantView> memberGrants(String organizationId, String workspaceId) {
        return db.sql("""
                SELECT user_id, grant_source FROM rm_workspace_member
                WHERE organization_id = :org AND workspace_id = :ws AND NOT removed AND grant_source IS NOT NULL
                ORDER BY user_id""")
                 .bind("org", organizationId).bind("ws", workspaceId)
                 .map(r -> new WorkspaceMemberGrantView(r.get("user_id", String.class), r.get("grant_source", String.class)))
                 .all();
    }

    private static WorkspaceView view(Readable r) {
        return new WorkspaceView(r.get("workspace_id", String.class), r.get("name", String.class),
                Boolean.TRUE.equals(r.get("archived", Boolean.class)), r.get("created_at", OffsetDateTime.class).toInstant(),
                r.get("members", Long.class), r.get("projects", Long.class));
    }
}
