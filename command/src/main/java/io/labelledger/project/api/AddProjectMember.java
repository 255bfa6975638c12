package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds an organization member to the project (the API checks that {@code userId} is an active member). */
public record AddProjectMember(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, UserId userId, ProjectRole role, UserId by) {}
