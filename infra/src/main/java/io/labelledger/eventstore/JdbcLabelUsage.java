package io.labelledger.eventstore;

import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.LabelUsage;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.LabelingConfigs;
import io.labelledger.project.config.ResultValidator;
import io.labelledger.task.api.AnnotationDeleted;
import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.AnnotationUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Write-side state: the labels each live annotation uses ({@code annotation_label}), written by a <b>subscribing</b>
 * processor in the same transaction as the annotation events, so a config change sees every committed annotation.
 * A config change and annotation writes of one project serialize on a PostgreSQL advisory lock: the change holds it
 * exclusively while it checks; annotation writes hold it shared and re-check their result against the config current
 * under the lock, so an annotation validated against the old config cannot slip in after the change (ADR 0008).
 */
@ProcessingGroup(JdbcLabelUsage.GROUP)
public class JdbcLabelUsage implements LabelUsage {
    public static final String GROUP = "label-usage";
    private static final String PENDING = "label-usage-pending";
    private final JdbcTemplate jdbc;
    private final LabelingConfigs configs;

    public JdbcLabelUsage(JdbcTemplate jdbc, LabelingConfigs configs) {
        this.jdbc = jdbc;
        this.configs = configs;
    }

    @Override
    public List<String> orphanedBy(ProjectId projectId, LabelingConfig config) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?)) IS NULL", Boolean.class, lockKey(projectId.value()));
        List<Map.Entry<String, String>> used = jdbc.query(
                "SELECT DISTINCT control, value FROM annotation_label WHERE project_id = ?",
                (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)), projectId.value());
        return LabelUsage.missingFrom(config, used);
    }

    @EventHandler
    void on(AnnotationSubmitted e) { record(e.projectId(), e.annotationId().value(), e.result()); }

    @EventHandler
    void on(AnnotationImported e) { record(e.projectId(), e.annotationId().value(), e.result()); }

    @EventHandler
    void on(AnnotationUpdated e) {
        forget(e.annotationId().value());
        jdbc.update("DELETE FROM annotation_label WHERE annotation_id = ?", e.annotationId().value());
        record(e.projectId(), e.annotationId().value(), e.result());
    }

    /** A deleted task's annotations no longer hold their labels (ADR 0042). */
    @EventHandler
    void on(io.labelledger.task.api.TaskDeleted e) {
        if (e.annotationIds().isEmpty()) return;
        e.annotationIds().forEach(a -> forget(a.value()));
        jdbc.update("DELETE FROM annotation_label WHERE annotation_id = ANY(?)",
                (Object) e.annotationIds().stream().map(io.labelledger.task.api.AnnotationId::value).toArray(String[]::new));
    }

    /** Nor do a deleted project's. */
    @EventHandler
    void on(io.labelledger.project.api.ProjectDeleted e) {
        Pending pending = pending(false);
        if (pending != null) pending.rows.values().removeIf(rows -> rows.stream().anyMatch(r -> r[1].equals(e.projectId().value())));
        jdbc.update("DELETE FROM annotation_label WHERE project_id = ?", e.projectId().value());
    }

    @EventHandler
    void on(AnnotationDeleted e) {
        forget(e.annotationId().value());
        jdbc.update("DELETE FROM annotation_label WHERE annotation_id = ?", e.annotationId().value());
    }

    private void record(ProjectId projectId, String annotationId, JsonNode result) {
        // validated before the lock; a config change may have committed since: check again under the lock
        ResultValidator.validate(lockedConfig(projectId), result, "result");
        var used = LabelUsage.usedBy(result);
        if (used.isEmpty()) return;
        List<String[]> rows = used.stream().map(l -> new String[]{annotationId, projectId.value(), l.getKey(), l.getValue()}).toList();
        Pending pending = pending(true);
        if (pending == null) insert(rows); // no unit of work (a direct call): at once
        else pending.rows.computeIfAbsent(annotationId, k -> new ArrayList<>()).addAll(rows);
    }

    /**
     * The labels of the annotations handled in this unit of work, written with one statement when it prepares its commit
     * (docs/adr/0048): an import batch of 1,000 tasks with 3,000 annotations made 3,000 inserts inside its transaction,
     * the seed's bottleneck (docs/benchmarks.md). Keyed by annotation, so that a later update or delete in the same unit
     * drops what is still pending. Still in the transaction of the events (a subscribing processor): a config change
     * that checks under the project's lock sees them once it gets the lock.
     */
    private static final class Pending {
        final Map<String, List<String[]>> rows = new LinkedHashMap<>();
    }

    private Pending pending(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) return null;
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        Pending existing = unit.getResource(PENDING);
        if (existing != null || !create) return existing;
        Pending created = new Pending();
        unit.resources().put(PENDING, created);
        unit.onPrepareCommit(u -> {
            List<String[]> all = created.rows.values().stream().flatMap(List::stream).toList();
            created.rows.clear();
            insert(all);
        });
        return created;
    }

    private void forget(String annotationId) {
        Pending pending = pending(false);
        if (pending != null) pending.rows.remove(annotationId);
    }

    private void insert(List<String[]> rows) {
        if (rows.isEmpty()) return;
        jdbc.update("""
                INSERT INTO annotation_label (annotation_id, project_id, control, value)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT DO NOTHING""",
                column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3));
    }

    private static String[] column(List<String[]> rows, int i) {
        return rows.stream().map(r -> r[i]).toArray(String[]::new);
    }

    /**
     * Takes the project's shared lock and reads its config once per transaction: the lock is held until the
     * transaction ends, so no config change can commit in between, and an import batch of 1,000 tasks with 3,000
     * annotations no longer pays a lock and an event-store read per annotation (it made the batch take over 10 s;
     * docs/benchmarks.md, issue 12's seed).
     */
    private io.labelledger.project.config.LabelingConfig lockedConfig(ProjectId projectId) {
        java.util.function.Supplier<io.labelledger.project.config.LabelingConfig> lockAndRead = () -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock_shared(hashtext(?)) IS NULL", Boolean.class, lockKey(projectId.value()));
            return configs.current(projectId);
        };
        if (!org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) return lockAndRead.get();
        return org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root()
                .getOrComputeResource("label-usage-config:" + projectId.value(), key -> lockAndRead.get());
    }

    private static String lockKey(String projectId) { return "labels:" + projectId; }
}
