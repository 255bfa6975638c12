package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a project with its first labeling config. */
public record CreateProject(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, String title, String description, String labelConfig, UserId by) {}
