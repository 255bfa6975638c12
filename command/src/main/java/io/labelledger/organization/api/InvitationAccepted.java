package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

/** The invitation was used (it is single use); a {@link MemberJoined} follows. {@code by} is the new member. */
@Revision("1")
public record InvitationAccepted(OrganizationId organizationId, InvitationId invitationId, UserId by) {}
