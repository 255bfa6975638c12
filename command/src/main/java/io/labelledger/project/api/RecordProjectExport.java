package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that {@code by} is exporting the project's tasks, before the first byte leaves (the audit trail of exports). */
public record RecordProjectExport(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, String format,
                                  boolean onlyCompleted, long taskCount, UserId by) {}
