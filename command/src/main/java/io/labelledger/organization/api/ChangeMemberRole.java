package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeMemberRole(@TargetAggregateIdentifier OrganizationId organizationId, UserId userId, OrganizationRole role, UserId by) {}
