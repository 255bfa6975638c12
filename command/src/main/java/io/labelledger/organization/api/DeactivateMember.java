package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a member's access at once; the membership and its history stay. */
public record DeactivateMember(@TargetAggregateIdentifier OrganizationId organizationId, UserId userId, UserId by) {}
