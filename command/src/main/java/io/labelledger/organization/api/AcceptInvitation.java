package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** {@code by} accepts the invitation whose token hashes to {@code tokenHash} and joins with its role. */
public record AcceptInvitation(@TargetAggregateIdentifier OrganizationId organizationId, String tokenHash, Instant now, UserId by) {}
