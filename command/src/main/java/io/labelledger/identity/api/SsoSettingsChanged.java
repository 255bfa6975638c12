package io.labelledger.identity.api;

import io.labelledger.organization.api.OrganizationId;
import org.axonframework.serialization.Revision;

/** The organization's SAML settings were saved: which IdP it trusts, where sign-ins go, whether SSO is on. */
@Revision("1")
public record SsoSettingsChanged(OrganizationId organizationId, boolean enabled, String idpEntityId, String idpSsoUrl,
                                 String idpMetadataUrl, UserId by) {}
