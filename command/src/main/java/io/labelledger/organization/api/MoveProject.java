package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.project.api.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts a project of the organization into a workspace ({@code to}), or takes it out of any ({@code to == null}).
 * The API checks that the project exists in the caller's organization before sending this.
 */
public record MoveProject(@TargetAggregateIdentifier OrganizationId organizationId, ProjectId projectId, WorkspaceId to, UserId by) {}
