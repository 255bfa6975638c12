package io.labelledger.project.api;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The danger zone: the project disappears for everyone; its events stay. {@code title} must repeat the project's title. */
public record DeleteProject(@TargetAggregateIdentifier ProjectId projectId, OrganizationId organizationId, String title, UserId by) {}
