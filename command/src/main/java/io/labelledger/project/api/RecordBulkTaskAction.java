package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a finished bulk action: the one audit entry with the count (each task has its own events beside it).
 * {@code selected}: tasks in the selection; {@code changed}: those the action changed (the others were so already, or
 * refused it).
 */
public record RecordBulkTaskAction(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, String jobId,
                                   BulkTaskAction action, long selected, long changed, UserId by) {}
