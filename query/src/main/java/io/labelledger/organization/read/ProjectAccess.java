package io.labelledger.organization.read;

import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectRole;

/**
 * What the caller is to one project of their organization: its project role when they are a member (else null),
 * whether they created it, and whether they belong to the workspace the project is in.
 */
public record ProjectAccess(String projectId, String projectRole, boolean creator, boolean workspaceMember) {
    public boolean member() { return projectRole != null || creator || workspaceMember; }

    /**
     * The project role the caller works with in this project (ADR 0021): an explicit project membership decides,
     * whatever the organization role; people who reach the project through a workspace or as its creator are
     * Reviewers when their organization role is Reviewer, else Annotators. Null: not a member of the project.
     */
    public ProjectRole effectiveRole(OrganizationRole organizationRole) {
        if (projectRole != null) return ProjectRole.valueOf(projectRole);
        if (!creator && !workspaceMember) return null;
        return organizationRole == OrganizationRole.REVIEWER ? ProjectRole.REVIEWER : ProjectRole.ANNOTATOR;
    }
}
