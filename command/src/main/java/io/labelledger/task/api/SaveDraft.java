package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import tools.jackson.databind.JsonNode;

/**
 * Stores the caller's work in progress on a task (Label Studio's "draft"): one live draft per person and task, replaced
 * by each save. Not validated against the labeling config (it is unfinished), only its size is limited.
 */
public record SaveDraft(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, JsonNode result,
                        Double leadTimeSeconds, UserId by) {
    /** The largest draft result, in characters of its JSON text. */
    public static final int MAX_RESULT_CHARS = 512 * 1024;
}
