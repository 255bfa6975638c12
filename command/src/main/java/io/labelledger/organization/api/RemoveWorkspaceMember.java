package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveWorkspaceMember(@TargetAggregateIdentifier OrganizationId organizationId, WorkspaceId workspaceId, UserId userId, UserId by) {}
