package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SessionPolicyChanged(OrganizationId organizationId, Integer idleTimeoutMinutes, Integer maxSessionHours, UserId by) {}
