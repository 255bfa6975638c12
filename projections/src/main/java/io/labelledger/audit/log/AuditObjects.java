package io.labelledger.audit.log;

import io.labelledger.organization.api.GroupChanged;
import io.labelledger.organization.api.GroupCreated;
import io.labelledger.organization.api.OrganizationCreated;
import io.labelledger.organization.api.WorkspaceCreated;
import io.labelledger.organization.api.WorkspaceRenamed;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectDetailsChanged;
import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.TaskImported;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The names the audit log puts beside ids ({@code audit_object}, part of the audit-log projection): "task 17",
 * "annotation #3 of task 17" (its place among the task's annotations), "project 'Cats'", "workspace 'Radiology'".
 * Built from the events alone, so a rebuild gives the same labels; people's names are not kept here (the API shows
 * their current name).
 */
final class AuditObjects {
    private final JdbcTemplate jdbc;
    private final String organizationId;

    AuditObjects(JdbcTemplate jdbc, String organizationId) {
        this.jdbc = jdbc;
        this.organizationId = organizationId;
    }

    String label(String objectId) {
        if (objectId == null) return null;
        List<String> labels = jdbc.queryForList("SELECT label FROM audit_object WHERE organization_id = ? AND object_id = ?",
                String.class, organizationId, objectId);
        return labels.isEmpty() ? null : labels.getFirst();
    }

    /** Objects the event creates. */
    void define(Object event) {
        switch (event) {
            case OrganizationCreated e -> put(e.organizationId().value(), null, "organization '" + e.name() + "'");
            case WorkspaceCreated e -> put(e.workspaceId().value(), null, "workspace '" + e.name() + "'");
            case ProjectCreated e -> put(e.projectId().value(), null, "project '" + e.title() + "'");
            case GroupCreated e -> put(e.groupId().value(), null, "group '" + e.displayName() + "'");
            case TaskImported e -> put(e.taskId().value(), null, "task " + e.number());
            case AnnotationSubmitted e -> annotation(e.annotationId().value(), e.taskId().value());
            case AnnotationImported e -> annotation(e.annotationId().value(), e.taskId().value());
            default -> { }
        }
    }

    /** Objects the event renames (after its summary, which names them as they were). */
    void renamed(Object event) {
        switch (event) {
            case WorkspaceRenamed e -> rename(e.workspaceId().value(), "workspace '" + e.name() + "'");
            case ProjectDetailsChanged e -> rename(e.projectId().value(), "project '" + e.title() + "'");
            case GroupChanged e -> rename(e.groupId().value(), "group '" + e.displayName() + "'");
            default -> { }
        }
    }

    private void annotation(String annotationId, String taskId) {
        if (label(annotationId) != null) return;
        Integer before = jdbc.queryForObject("SELECT count(*) FROM audit_object WHERE organization_id = ? AND parent_id = ?",
                Integer.class, organizationId, taskId);
        String task = label(taskId);
        put(annotationId, taskId, "annotation #" + (before + 1) + " of " + (task == null ? "task " + taskId : task));
    }

    private void put(String objectId, String parentId, String label) {
        jdbc.update("""
                INSERT INTO audit_object (organization_id, object_id, parent_id, label) VALUES (?, ?, ?, ?)
                ON CONFLICT (organization_id, object_id) DO NOTHING""", organizationId, objectId, parentId, label);
    }

    private void rename(String objectId, String label) {
        jdbc.update("UPDATE audit_object SET label = ? WHERE organization_id = ? AND object_id = ?", label, organizationId, objectId);
    }
}
