package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

/** An identity source set the member's role and state (joined when new). {@code role} is the role after the event. */
@Revision("1")
public record MemberProvisioned(OrganizationId organizationId, UserId userId, OrganizationRole role, boolean active,
                                IdentitySource source) {}
