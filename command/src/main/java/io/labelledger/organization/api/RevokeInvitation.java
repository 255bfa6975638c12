package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws an open invitation: its link stops working at once. */
public record RevokeInvitation(@TargetAggregateIdentifier OrganizationId organizationId, InvitationId invitationId, UserId by) {}
