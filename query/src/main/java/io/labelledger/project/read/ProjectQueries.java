package io.labelledger.project.read;

import io.labelledger.shared.read.Cursor;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Projects of one organization; the organization id always comes from the caller's principal. */
public class ProjectQueries {
    private static final String COLUMNS = """
            p.project_id, p.organization_id, p.title, p.description, p.label_config, p.label_config_version, p.created_by,
            p.created_at, p.task_count, p.completed_count, p.annotation_count, pw.workspace_id, p.media_proxy""";
    private static final String FROM = "rm_project p LEFT JOIN rm_project_workspace pw ON pw.project_id = p.project_id";
    private final DatabaseClient db;

    public ProjectQueries(DatabaseClient db) {
        this.db = db;
    }

    public Mono<ProjectView> get(String organizationId, String projectId) {
        return db.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE p.organization_id = :org AND p.project_id = :id")
                 .bind("org", organizationId).bind("id", projectId)
                 .map(ProjectQueries::view).one();
    }

    /**
     * Newest first, keyset paged by (created_at, project_id). {@code memberId}: only the projects that user created,
     * is a project member of, or reaches through a workspace (null: all). {@code workspaceId}: only that workspace's
     * projects (null: any).
     */
    public Flux<ProjectView> list(String organizationId, String memberId, String workspaceId, int limit, Cursor after) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + FROM + " WHERE p.organization_id = :org");
        if (memberId != null) sql.append(" " + """
                AND (p.created_by = :user
                     OR EXISTS (SELECT 1 FROM rm_project_member pm WHERE pm.project_id = p.project_id AND pm.user_id = :user AND NOT pm.removed)
                     OR EXISTS (SELECT 1 FROM rm_workspace_member wm WHERE wm.workspace_id = pw.workspace_id AND wm.user_id = :user AND NOT wm.removed))""");
        if (workspaceId != null) sql.append(" AND pw.workspace_id = :workspace");
        if (after != null) sql.append(" AND (p.created_at, p.project_id) < (:at, :id)");
        sql.append(" ORDER BY p.created_at DESC, p.project_id DESC LIMIT :limit");
        var spec = db.sql(sql.toString()).bind("org", organizationId).bind("limit", limit);
        if (memberId != null) spec = spec.bind("user", memberId);
        if (workspaceId != null) spec = spec.bind("workspace", workspaceId);
        if (after != null) {
            spec = spec.bind("at", OffsetDateTime.parse(after.value().split("~")[0])).bind("id", after.value().split("~")[1]);
        }
        return spec.map(ProjectQueries::view).all();
    }

    /**
     * One page by number, newest first (Label Studio's {@code page}/{@code page_size}): projects are few per
     * organization, so an offset is fine here. {@code memberId} as for {@link #list}.
     */
    public Flux<ProjectView> page(String organizationId, String memberId, long offset, int limit) {
        var spec = db.sql("SELECT " + COLUMNS + " FROM " + FROM + " WHERE p.organization_id = :org" + (memberId == null ? "" : " " + MEMBER)
                          + " ORDER BY p.created_at DESC, p.project_id DESC OFFSET :offset LIMIT :limit")
                     .bind("org", organizationId).bind("offset", offset).bind("limit", limit);
        if (memberId != null) spec = spec.bind("user", memberId);
        return spec.map(ProjectQueries::view).all();
    }

    /** How many projects {@link #page} pages through. */
    public Mono<Long> count(String organizationId, String memberId) {
        var spec = db.sql("SELECT count(*) AS n FROM " + FROM + " WHERE p.organization_id = :org" + (memberId == null ? "" : " " + MEMBER))
                     .bind("org", organizationId);
        if (memberId != null) spec = spec.bind("user", memberId);
        return spec.map(r -> r.get("n", Long.class)).one();
    }

    private static final String MEMBER = """
            AND (p.created_by = :user
                 OR EXISTS (SELECT 1 FROM rm_project_member pm WHERE pm.project_id = p.project_id AND pm.user_id = :user AND NOT pm.removed)
                 OR EXISTS (SELECT 1 FROM rm_workspace_member wm WHERE wm.workspace_id = pw.workspace_id AND wm.user_id = :user AND NOT wm.removed))""";

    public static Cursor cursorOf(ProjectView p) {
        return new Cursor(p.createdAt().atOffset(java.time.ZoneOffset.UTC) + "~" + p.id(), 0);
    }

    static ProjectView view(Readable r) {
        return new ProjectView(r.get("project_id", String.class), r.get("organization_id", String.class),
                r.get("title", String.class), r.get("description", String.class), r.get("label_config", String.class),
                r.get("label_config_version", Integer.class), r.get("created_by", String.class),
                instant(r.get("created_at", OffsetDateTime.class)), r.get("task_count", Long.class),
                r.get("completed_count", Long.class), r.get("annotation_count", Long.class), r.get("workspace_id", String.class),
                Boolean.TRUE.equals(r.get("media_proxy", Boolean.class)));
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** Every labeling config version of these projects (few per project: configs change rarely), oldest first. */
    public Mono<java.util.Map<String, java.util.List<LabelingConfigVersionView>>> configVersions(String organizationId,
                                                                                                  java.util.Collection<String> projectIds) {
        if (projectIds.isEmpty()) return Mono.just(java.util.Map.of());
        return db.sql("""
                         SELECT project_id, version, label_config, created_at FROM rm_labeling_config
                         WHERE organization_id = :org AND project_id = ANY(:ids) ORDER BY project_id, version""")
                 .bind("org", organizationId).bind("ids", projectIds.toArray(String[]::new))
                 .map(r -> new LabelingConfigVersionView(r.get("project_id", String.class), r.get("version", Integer.class),
                         r.get("label_config", String.class), r.get("created_at", java.time.OffsetDateTime.class).toInstant()))
                 .all()
                 .collect(java.util.stream.Collectors.groupingBy(LabelingConfigVersionView::projectId));
    }

    /** The recorded settings of a project of the organization (empty: no such project). */
    public Mono<SettingsView> settings(String organizationId, String projectId) {
        return db.sql("SELECT project_id, settings::text AS settings, settings_version FROM rm_project WHERE organization_id = :org AND project_id = :id")
                 .bind("org", organizationId).bind("id", projectId)
                 .map(r -> new SettingsView(r.get("project_id", String.class), r.get("settings", String.class),
                         r.get("settings_version", Integer.class)))
                 .one();
    }

    /** The people paused in a project, most recent first. */
    public Flux<PauseView> pauses(String organizationId, String projectId) {
        return db.sql(PAUSES + " WHERE organization_id = :org AND project_id = :id ORDER BY paused_at DESC, user_id")
                 .bind("org", organizationId).bind("id", projectId).map(ProjectQueries::pause).all();
    }

    /** The caller's own pause in a project, if any. */
    public Mono<PauseView> pauseOf(String organizationId, String projectId, String userId) {
        return db.sql(PAUSES + " WHERE organization_id = :org AND project_id = :id AND user_id = :user")
                 .bind("org", organizationId).bind("id", projectId).bind("user", userId).map(ProjectQueries::pause).one();
    }

    private static final String PAUSES = "SELECT project_id, user_id, reason, source, paused_by, paused_at FROM rm_project_pause";

    private static PauseView pause(Readable r) {
        return new PauseView(r.get("project_id", String.class), r.get("user_id", String.class), r.get("reason", String.class),
                r.get("source", String.class), r.get("paused_by", String.class), instant(r.get("paused_at", OffsetDateTime.class)));
    }
}
