package io.labelledger.organization.read;

/**
 * What the caller is to one project of their organization: its project role when they are a member (else null),
 * whether they created it, and whether they belong to the workspace the project is in.
 */
public record ProjectAccess(String projectId, String projectRole, boolean creator, boolean workspaceMember) {
    public boolean member() { return projectRole != null || creator || workspaceMember; }
}
