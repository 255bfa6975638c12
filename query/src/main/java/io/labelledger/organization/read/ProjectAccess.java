package io.labelledger.organization.read;

/**
 * What the caller is to one project of their organization: its project role when they are a member (else null),
 * and whether they created it.
 */
public record ProjectAccess(String projectId, String projectRole, boolean creator) {
    public boolean member() { return projectRole != null || creator; }
}
