package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes one of a task's predictions, named by its integer id (ADR 0050). */
public record DeletePrediction(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, long predictionId, UserId by) {}
