package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A Manager takes the task back from {@code assignee}; unassigning someone not assigned records nothing. */
public record UnassignTask(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, UserId assignee, AssignmentKind kind,
                           UserId by) {}
