package io.labelledger.organization.read;

/** A project member: {@code grantSource} is null when a person added them, "SCIM" when a SCIM group did (docs/adr/0023). */
public record ProjectMemberView(String projectId, String userId, String displayName, String role, String grantSource) {}
