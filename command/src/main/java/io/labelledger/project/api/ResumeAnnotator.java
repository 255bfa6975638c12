package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResumeAnnotator(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, UserId userId, UserId by) {}
