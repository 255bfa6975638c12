package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrganizationCreated(OrganizationId organizationId, String name, UserId by) {}
