package io.labelledger.task.jobs;

import io.labelledger.task.api.AssignmentKind;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** ASSIGN / UNASSIGN: whom, for what; LABEL: the result every selected task gets (one control's value); DELETE: nothing. */
public record BulkParameters(List<String> userIds, AssignmentKind kind, JsonNode result) {
    public BulkParameters {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }
}
