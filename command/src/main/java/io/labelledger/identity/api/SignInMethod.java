package io.labelledger.identity.api;

/** How a session was authenticated: our password check, an organization's SAML IdP, or its LDAP directory. */
public enum SignInMethod { PASSWORD, SAML, LDAP }
