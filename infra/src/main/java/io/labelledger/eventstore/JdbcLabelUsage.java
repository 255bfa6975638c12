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
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

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
        jdbc.update("DELETE FROM annotation_label WHERE annotation_id = ?", e.annotationId().value());
        record(e.projectId(), e.annotationId().value(), e.result());
    }

    /** A deleted task's annotations no longer hold their labels (ADR 0042). */
    @EventHandler
    void on(io.labelledger.task.api.TaskDeleted e) {
        if (e.annotationIds().isEmpty()) return;
        jdbc.update("DELETE FROM annotation_label WHERE annotation_id = ANY(?)",
                (Object) e.annotationIds().stream().map(io.labelledger.task.api.AnnotationId::value).toArray(String[]::new));
    }

    /** Nor do a deleted project's. */
    @EventHandler
    void on(io.labelledger.project.api.ProjectDeleted e) {
        jdbc.update("DELETE FROM annotation_label WHERE project_id = ?", e.projectId().value());
    }

    @EventHandler
    void on(AnnotationDeleted e) {
        jdbc.update("DELETE FROM annotation_label WHERE annotation_id = ?", e.annotationId().value());
    }

    private void record(ProjectId projectId, String annotationId, JsonNode result) {
        // validated before the lock; a config change may have committed since: check again under the lock
        ResultValidator.validate(lockedConfig(projectId), result, "result");
        var used = LabelUsage.usedBy(result);
        if (used.isEmpty()) return;
        jdbc.batchUpdate("""
                INSERT INTO annotation_label (annotation_id, project_id, control, value) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                used.stream().map(l -> new Object[]{annotationId, projectId.value(), l.getKey(), l.getValue()}).toList());
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
