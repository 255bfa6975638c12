package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Adds several members at once (bulk membership): all of them or, when one is not a member of the organization, none. */
public record AddWorkspaceMembers(@TargetAggregateIdentifier OrganizationId organizationId, WorkspaceId workspaceId,
                                  List<UserId> userIds, UserId by) {}
