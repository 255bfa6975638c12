package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** The organization proved it controls {@code domain} (DNS TXT record); its directory now signs in that domain's people. */
@Revision("1")
public record EmailDomainVerified(OrganizationId organizationId, String domain, UserId by) {}
