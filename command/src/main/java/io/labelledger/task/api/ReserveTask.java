package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Hands the task to {@code by} for the project's reservation time from {@code at} (the label stream); answers the
 * reservation's expiry. Refused beyond the overlap, to a person who annotated or holds it, who is paused or at the limit.
 */
public record ReserveTask(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, UserId by, Instant at) {}
