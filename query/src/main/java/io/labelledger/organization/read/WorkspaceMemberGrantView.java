package io.labelledger.organization.read;

/** A workspace membership an identity source granted ({@code source}: SCIM or SAML; docs/adr/0020). */
public record WorkspaceMemberGrantView(String userId, String source) {}
