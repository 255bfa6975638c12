package io.labelledger.organization.read;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Members, invitations and project members of one organization (the id always comes from the caller). */
public class MemberQueries {
    private final DatabaseClient db;

    public MemberQueries(DatabaseClient db) {
        this.db = db;
    }

    /** Member columns (m: rm_org_member, u: user_account), shared with the workspace member list. */
    static final String MEMBER_COLUMNS = """
            m.user_id, u.email, u.display_name, m.role, m.active, m.joined_at, u.last_login_at,
            (SELECT max(a.updated_at) FROM dm_annotation a WHERE a.organization_id = m.organization_id AND a.author_id = m.user_id) AS last_annotation_at""";

    private static final String MEMBER = "SELECT " + MEMBER_COLUMNS + " " + """
            FROM rm_org_member m JOIN user_account u ON u.user_id = m.user_id
            WHERE m.organization_id = :org""";

    public Flux<MemberView> members(String organizationId) {
        return db.sql(MEMBER + " ORDER BY m.joined_at, m.user_id").bind("org", organizationId).map(MemberQueries::member).all();
    }

    /** One member; a query of its own (cancelling a half-read result can leak a pooled R2DBC connection). */
    public Mono<MemberView> member(String organizationId, String userId) {
        return db.sql(MEMBER + " AND m.user_id = :user").bind("org", organizationId).bind("user", userId).map(MemberQueries::member).one();
    }

    static MemberView member(io.r2dbc.spi.Readable r) {
        return new MemberView(r.get("user_id", String.class), r.get("email", String.class), r.get("display_name", String.class),
                r.get("role", String.class), Boolean.TRUE.equals(r.get("active", Boolean.class)),
                instant(r.get("joined_at", OffsetDateTime.class)), instant(r.get("last_login_at", OffsetDateTime.class)),
                instant(r.get("last_annotation_at", OffsetDateTime.class)));
    }

    public record SessionPolicy(Integer idleTimeoutMinutes, Integer maxSessionHours) {}

    public Mono<SessionPolicy> sessionPolicy(String organizationId) {
        return db.sql("SELECT session_idle_minutes, session_max_hours FROM rm_organization WHERE organization_id = :org")
                 .bind("org", organizationId)
                 .map(r -> new SessionPolicy(r.get("session_idle_minutes", Integer.class), r.get("session_max_hours", Integer.class)))
                 .one();
    }

    /** Newest first, accepted ones included (the UI shows them as used). */
    public Flux<InvitationView> invitations(String organizationId) {
        return db.sql("""
                SELECT invitation_id, role, expires_at, created_by, created_at, accepted_by, accepted_at, revoked_at
                FROM rm_invitation WHERE organization_id = :org ORDER BY created_at DESC LIMIT 200""")
                 .bind("org", organizationId)
                 .map(r -> new InvitationView(r.get("invitation_id", String.class), r.get("role", String.class),
                         instant(r.get("expires_at", OffsetDateTime.class)), r.get("created_by", String.class),
                         instant(r.get("created_at", OffsetDateTime.class)), r.get("accepted_by", String.class),
                         instant(r.get("accepted_at", OffsetDateTime.class)), instant(r.get("revoked_at", OffsetDateTime.class))))
                 .all();
    }

    public Flux<ProjectMemberView> projectMembers(String organizationId, String projectId) {
        return db.sql("""
                SELECT pm.project_id, pm.user_id, u.display_name, pm.role, pm.grant_source
                FROM rm_project_member pm JOIN user_account u ON u.user_id = pm.user_id
                WHERE pm.organization_id = :org AND pm.project_id = :project AND NOT pm.removed
                ORDER BY u.display_name, pm.user_id""")
                 .bind("org", organizationId).bind("project", projectId)
                 .map(r -> new ProjectMemberView(r.get("project_id", String.class), r.get("user_id", String.class),
                         r.get("display_name", String.class), r.get("role", String.class), r.get("grant_source", String.class)))
                 .all();
    }

    /** The caller's standing in a project of their organization; empty when no such project exists for them. */
    public Mono<ProjectAccess> projectAccess(String organizationId, String projectId, String userId) {
        return db.sql("""
                SELECT p.project_id, pm.role, (p.created_by = :user) AS creator, (wm.user_id IS NOT NULL) AS in_workspace
                FROM rm_project p
                LEFT JOIN rm_project_member pm ON pm.project_id = p.project_id AND pm.user_id = :user AND NOT pm.removed
                LEFT JOIN rm_project_workspace pw ON pw.project_id = p.project_id
                LEFT JOIN rm_workspace_member wm ON wm.workspace_id = pw.workspace_id AND wm.user_id = :user AND NOT wm.removed
                WHERE p.organization_id = :org AND p.project_id = :project""")
                 .bind("org", organizationId).bind("project", projectId).bind("user", userId)
                 .map(r -> new ProjectAccess(r.get("project_id", String.class), r.get("role", String.class),
                         Boolean.TRUE.equals(r.get("creator", Boolean.class)), Boolean.TRUE.equals(r.get("in_workspace", Boolean.class))))
                 .one();
    }

    /** The project of a task of the organization; empty when no such task exists for it. */
    public Mono<String> projectOfTask(String organizationId, String taskId) {
        return db.sql("SELECT project_id FROM dm_task WHERE organization_id = :org AND task_id = :task")
                 .bind("org", organizationId).bind("task", taskId)
                 .map(r -> r.get("project_id", String.class)).one();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
