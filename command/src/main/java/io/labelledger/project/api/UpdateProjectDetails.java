package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames or re-describes a project; null leaves a field as it is. */
public record UpdateProjectDetails(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, String title, String description, UserId by) {}
