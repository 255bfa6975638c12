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
            project_id, organization_id, title, description, label_config, label_config_version, created_by, created_at,
            task_count, completed_count, annotation_count""";
    private final DatabaseClient db;

    public ProjectQueries(DatabaseClient db) {
        this.db = db;
    }

    public Mono<ProjectView> get(String organizationId, String projectId) {
        return db.sql("SELECT " + COLUMNS + " FROM rm_project WHERE organization_id = :org AND project_id = :id")
                 .bind("org", organizationId).bind("id", projectId)
                 .map(ProjectQueries::view).one();
    }

    /** Newest first, keyset paged by (created_at, project_id). */
    public Flux<ProjectView> list(String organizationId, int limit, Cursor after) {
        if (after == null) {
            return db.sql("SELECT " + COLUMNS + " FROM rm_project WHERE organization_id = :org ORDER BY created_at DESC, project_id DESC LIMIT :limit")
                     .bind("org", organizationId).bind("limit", limit)
                     .map(ProjectQueries::view).all();
        }
        return db.sql("SELECT " + COLUMNS + " " + """
                         FROM rm_project WHERE organization_id = :org
                         AND (created_at, project_id) < (:at, :id) ORDER BY created_at DESC, project_id DESC LIMIT :limit""")
                 .bind("org", organizationId).bind("limit", limit)
                 .bind("at", OffsetDateTime.parse(after.value().split("~")[0]))
                 .bind("id", after.value().split("~")[1])
                 .map(ProjectQueries::view).all();
    }

    /** Like {@link #list}, only the projects the user created or is a member of. */
    public Flux<ProjectView> listForMember(String organizationId, String userId, int limit, Cursor after) {
        String member = " " + """
                AND (created_by = :user OR EXISTS (SELECT 1 FROM rm_project_member pm
                      WHERE pm.project_id = rm_project.project_id AND pm.user_id = :user AND NOT pm.removed))""";
        if (after == null) {
            return db.sql("SELECT " + COLUMNS + " FROM rm_project WHERE organization_id = :org" + member
                          + " ORDER BY created_at DESC, project_id DESC LIMIT :limit")
                     .bind("org", organizationId).bind("user", userId).bind("limit", limit)
                     .map(ProjectQueries::view).all();
        }
        return db.sql("SELECT " + COLUMNS + " FROM rm_project WHERE organization_id = :org" + member
                      + " AND (created_at, project_id) < (:at, :id) ORDER BY created_at DESC, project_id DESC LIMIT :limit")
                 .bind("org", organizationId).bind("user", userId).bind("limit", limit)
                 .bind("at", OffsetDateTime.parse(after.value().split("~")[0]))
                 .bind("id", after.value().split("~")[1])
                 .map(ProjectQueries::view).all();
    }

    public static Cursor cursorOf(ProjectView p) {
        return new Cursor(p.createdAt().atOffset(java.time.ZoneOffset.UTC) + "~" + p.id(), 0);
    }

    static ProjectView view(Readable r) {
        return new ProjectView(r.get("project_id", String.class), r.get("organization_id", String.class),
                r.get("title", String.class), r.get("description", String.class), r.get("label_config", String.class),
                r.get("label_config_version", Integer.class), r.get("created_by", String.class),
                instant(r.get("created_at", OffsetDateTime.class)), r.get("task_count", Long.class),
                r.get("completed_count", Long.class), r.get("annotation_count", Long.class));
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
}
