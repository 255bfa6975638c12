package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the labeling config with a new version. */
public record ChangeLabelingConfig(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, String labelConfig, UserId by) {}
