package io.labelledger.organization.api;

/** A directory outside LabelLedger that provisions members: an SSO identity provider, a SCIM client, LDAP. */
public enum IdentitySource { SAML, SCIM, LDAP }
