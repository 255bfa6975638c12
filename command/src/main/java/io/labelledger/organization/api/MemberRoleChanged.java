package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberRoleChanged(OrganizationId organizationId, UserId userId, OrganizationRole from, OrganizationRole to, UserId by) {}
