package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import tools.jackson.databind.JsonNode;

/** {@code comment}: why (optional unless the project asks for one, issue 11); at most {@link #MAX_COMMENT} characters. */
public record SkipTask(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, UserId by, String comment) {
    public static final int MAX_COMMENT = 2_000;

    public SkipTask(TaskId taskId, OrganizationId organizationId, UserId by) {
        this(taskId, organizationId, by, null);
    }
}
