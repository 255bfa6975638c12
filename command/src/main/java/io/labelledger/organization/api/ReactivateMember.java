package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReactivateMember(@TargetAggregateIdentifier OrganizationId organizationId, UserId userId, UserId by) {}
