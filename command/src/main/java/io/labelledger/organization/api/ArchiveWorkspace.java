package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archives ({@code archived = true}) or restores a workspace. An archived workspace takes no new projects. */
public record ArchiveWorkspace(@TargetAggregateIdentifier OrganizationId organizationId, WorkspaceId workspaceId, boolean archived, UserId by) {}
