package io.labelledger.task.read;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Saved Data Manager views (dm_tab, ADR 0038): each person's own tabs and the ones shared with the project. Like the
 * notification read marks, plain state written here rather than events (the ADR says why). Every statement is
 * bound to the caller's organization; a private tab is seen and changed by its owner only, a shared one is seen by
 * everybody who sees the project and changed by its owner or, when {@code manages}, by a Manager (or above).
 */
public class DataManagerTabs {
    public static final int MAX_TABS_PER_PROJECT = 100;

    private static final String SELECT = """
            SELECT tab_id, project_id, owner_id, title, shared, position, view::text AS view, created_at, updated_at, updated_by
            FROM dm_tab WHERE organization_id = :org""";
    /** Tabs one person sees in a project. */
    private static final String VISIBLE = " AND project_id = :project AND (owner_id = :user OR shared)";
    /** Tabs one person may change. */
    private static final String EDITABLE = " AND (owner_id = :user OR (shared AND :manages))";

    private final DatabaseClient db;

    public DataManagerTabs(DatabaseClient db) {
        this.db = db;
    }

    /** In tab-bar order. */
    public Flux<TabView> visible(String organizationId, String projectId, String userId) {
        return db.sql(SELECT + VISIBLE + " ORDER BY position, created_at, tab_id")
                 .bind("org", organizationId).bind("project", projectId).bind("user", userId).map(DataManagerTabs::view).all();
    }

    public Mono<TabView> get(String organizationId, String projectId, String userId, String tabId) {
        return db.sql(SELECT + VISIBLE + " AND tab_id = :id")
                 .bind("org", organizationId).bind("project", projectId).bind("user", userId).bind("id", tabId)
                 .map(DataManagerTabs::view).one();
    }

    /** A new tab at the end of the bar; empty when the project already has {@link #MAX_TABS_PER_PROJECT}. */
    public Mono<TabView> create(String organizationId, String projectId, String userId, String tabId, String title, boolean shared,
                                String viewJson, Instant at) {
        return db.sql("""
                         INSERT INTO dm_tab (tab_id, organization_id, project_id, owner_id, title, shared, position, view,
                                             created_at, updated_at, updated_by)
                         SELECT :id, :org, :project, :user, :title, :shared, coalesce(max(position) + 1, 0), CAST(:view AS jsonb), :at, :at, :user
                         FROM dm_tab WHERE project_id = :project
                         HAVING count(*) < :max""")
                 .bind("id", tabId).bind("org", organizationId).bind("project", projectId).bind("user", userId).bind("title", title)
                 .bind("shared", shared).bind("view", viewJson).bind("at", at.atOffset(ZoneOffset.UTC)).bind("max", MAX_TABS_PER_PROJECT)
                 .fetch().rowsUpdated()
                 .flatMap(n -> n == 0 ? Mono.<TabView>empty() : get(organizationId, projectId, userId, tabId));
    }

    /** Changes title, sharing and view of a tab the caller may change; empty when there is none. */
    public Mono<TabView> update(String organizationId, String projectId, String userId, boolean manages, String tabId, String title,
                                boolean shared, String viewJson, Instant at) {
        return db.sql("""
                         UPDATE dm_tab SET title = :title, shared = CASE WHEN owner_id = :user THEN :shared ELSE shared END,
                                           view = CAST(:view AS jsonb), updated_at = :at, updated_by = :user
                         WHERE organization_id = :org AND project_id = :project AND tab_id = :id""" + EDITABLE)
                 .bind("title", title).bind("shared", shared).bind("view", viewJson).bind("at", at.atOffset(ZoneOffset.UTC))
                 .bind("org", organizationId).bind("project", projectId).bind("id", tabId).bind("user", userId).bind("manages", manages)
                 .fetch().rowsUpdated()
                 .flatMap(n -> n == 0 ? Mono.<TabView>empty() : get(organizationId, projectId, userId, tabId));
    }

    /** True when a tab the caller may change was deleted. */
    public Mono<Boolean> delete(String organizationId, String projectId, String userId, boolean manages, String tabId) {
        return db.sql("DELETE FROM dm_tab WHERE organization_id = :org AND project_id = :project AND tab_id = :id" + EDITABLE)
                 .bind("org", organizationId).bind("project", projectId).bind("id", tabId).bind("user", userId).bind("manages", manages)
                 .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Danger zone (ADR 0042): every saved tab of the project, everyone's; returns how many. */
    public Mono<Long> dropAll(String organizationId, String projectId) {
        return db.sql("DELETE FROM dm_tab WHERE organization_id = :org AND project_id = :project")
                 .bind("org", organizationId).bind("project", projectId).fetch().rowsUpdated();
    }

    /** The tabs the caller sees get the positions of {@code tabIds}' order (unknown ids are ignored); then the bar. */
    public Flux<TabView> reorder(String organizationId, String projectId, String userId, List<String> tabIds) {
        return db.sql("""
                         UPDATE dm_tab t SET position = o.i
                         FROM unnest(CAST(:ids AS text[])) WITH ORDINALITY AS o(id, i)
                         WHERE t.tab_id = o.id AND t.organization_id = :org AND t.project_id = :project AND (t.owner_id = :user OR t.shared)""")
                 .bind("ids", tabIds.toArray(String[]::new)).bind("org", organizationId).bind("project", projectId).bind("user", userId)
                 .fetch().rowsUpdated()
                 .thenMany(visible(organizationId, projectId, userId));
    }

    private static TabView view(Readable r) {
        return new TabView(r.get("tab_id", String.class), r.get("project_id", String.class), r.get("owner_id", String.class),
                r.get("title", String.class), Boolean.TRUE.equals(r.get("shared", Boolean.class)), r.get("position", Integer.class),
                r.get("view", String.class), r.get("created_at", OffsetDateTime.class).toInstant(),
                r.get("updated_at", OffsetDateTime.class).toInstant(), r.get("updated_by", String.class));
    }
}
