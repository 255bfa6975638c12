package io.labelledger.projection;

import java.util.List;

/**
 * A rebuildable read model: its processing group (event processor) and the tables it owns, in delete order.
 * Rebuild = stop the processor, empty these tables, reset the token to the tail, start again.
 */
public enum Projection {
    DIRECTORY("directory", List.of("rm_group_member", "rm_group_workspace", "rm_group_project", "rm_group", "rm_project_workspace", "rm_workspace_member", "rm_workspace", "rm_project_member", "rm_invitation", "rm_org_member", "rm_organization")),
    DATA_MANAGER("data-manager", List.of("dm_reservation", "rm_project_pause", "rm_notification", "rm_comment", "rm_draft", "dm_annotation", "dm_task", "dm_data_key", "rm_labeling_config", "rm_project")),
    AUDIT_LOG("audit-log", List.of("audit_log", "audit_checkpoint", "audit_object")),
    /** Agreement (issue 13, ADR 0044). */
    QUALITY("quality", List.of("q_ground_truth_score", "q_matrix_cell", "q_pair", "q_prediction", "q_annotation", "q_task", "q_project_settings"));

    private final String processingGroup;
    private final List<String> tables;

    Projection(String processingGroup, List<String> tables) {
        this.processingGroup = processingGroup;
        this.tables = tables;
    }

    public String processingGroup() { return processingGroup; }

    public List<String> tables() { return tables; }
}
