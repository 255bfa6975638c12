package io.labelledger.organization.api;

import io.labelledger.identity.api.UserId;
import org.axonframework.serialization.Revision;

/** Revision 2 adds the directory's address ({@code url}; null in revision 1 events, read through the upcaster). */
@Revision("2")
public record LdapSettingsChanged(OrganizationId organizationId, boolean enabled, String emailDomain, String url, UserId by) {}
