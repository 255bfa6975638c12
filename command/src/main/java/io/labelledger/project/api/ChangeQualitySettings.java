package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the project's agreement settings (all controls at once; an empty map goes back to the defaults). */
public record ChangeQualitySettings(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, QualitySettings settings,
                                    UserId by) {}
