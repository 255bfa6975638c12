package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameWorkspace(@TargetAggregateIdentifier OrganizationId organizationId, WorkspaceId workspaceId, String name, UserId by) {}
