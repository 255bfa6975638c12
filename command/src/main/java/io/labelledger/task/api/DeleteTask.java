package io.labelledger.task.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A Manager deletes the task (Data Manager bulk action or the Settings' danger zone); deleting it again records nothing. */
public record DeleteTask(@TargetAggregateIdentifier TaskId taskId, OrganizationId organizationId, UserId by) {}
