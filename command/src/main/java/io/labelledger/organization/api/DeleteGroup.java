package io.labelledger.organization.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An identity source deletes a group; its members lose what it granted. */
public record DeleteGroup(@TargetAggregateIdentifier GroupId groupId, @TargetAggregateVersion Long expectedVersion,
                          OrganizationId organizationId, IdentitySource source) {}
