package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an organization whose first member, {@code owner}, becomes its Owner. */
public record CreateOrganization(@TargetAggregateIdentifier OrganizationId organizationId, String name, UserId owner) {}
