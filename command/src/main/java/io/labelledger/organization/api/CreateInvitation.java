package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Invites someone into the organization with a preset role. Only the SHA-256 of the secret link token travels here
 * and into the event; the secret itself is shown once to the inviter and never stored. {@code now} is the decision
 * time (taken from the caller's clock, so that replays stay deterministic).
 */
public record CreateInvitation(@TargetAggregateIdentifier OrganizationId organizationId, InvitationId invitationId,
                               String tokenHash, OrganizationRole role, Instant expiresAt, Instant now, UserId by) {}
