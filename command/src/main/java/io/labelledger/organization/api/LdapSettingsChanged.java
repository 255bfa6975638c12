package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record LdapSettingsChanged(OrganizationId organizationId, boolean enabled, String emailDomain, UserId by) {}
