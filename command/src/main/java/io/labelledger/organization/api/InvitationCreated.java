package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An invitation link exists; {@code tokenHash} is the SHA-256 (hex) of its secret token, never the token. */
@Revision("1")
public record InvitationCreated(OrganizationId organizationId, InvitationId invitationId, String tokenHash,
                                OrganizationRole role, Instant expiresAt, UserId by) {}
