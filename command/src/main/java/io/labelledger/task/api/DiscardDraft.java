package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drops the caller's own draft on a task; without one, nothing is recorded. */
public record DiscardDraft(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, UserId by) {}
