package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A Manager assigns the task to {@code assignee} (manual distribution, issue 11); assigning twice records nothing. */
public record AssignTask(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, UserId assignee, AssignmentKind kind,
                         UserId by) {}
