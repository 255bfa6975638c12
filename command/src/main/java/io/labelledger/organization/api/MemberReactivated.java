package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberReactivated(OrganizationId organizationId, UserId userId, UserId by) {}
