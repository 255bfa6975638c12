package io.labelledger.organization.read;

import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The effective project role (ADR 0021): an explicit project membership decides, else the organization role. */
class ProjectAccessTest {
    static ProjectAccess member(String role) { return new ProjectAccess("p", role, false, false); }

    @Test
    void anExplicitProjectRoleOverridesTheOrganizationRoleEitherWay() {
        assertThat(member("REVIEWER").effectiveRole(OrganizationRole.ANNOTATOR)).isEqualTo(ProjectRole.REVIEWER);
        assertThat(member("ANNOTATOR").effectiveRole(OrganizationRole.REVIEWER)).isEqualTo(ProjectRole.ANNOTATOR);
        assertThat(new ProjectAccess("p", "ANNOTATOR", false, true).effectiveRole(OrganizationRole.REVIEWER)).isEqualTo(ProjectRole.ANNOTATOR);
    }

    @Test
    void throughAWorkspaceOrAsCreatorTheOrganizationRoleDecides() {
        ProjectAccess viaWorkspace = new ProjectAccess("p", null, false, true);
        ProjectAccess creator = new ProjectAccess("p", null, true, false);
        assertThat(viaWorkspace.effectiveRole(OrganizationRole.REVIEWER)).isEqualTo(ProjectRole.REVIEWER);
        assertThat(viaWorkspace.effectiveRole(OrganizationRole.ANNOTATOR)).isEqualTo(ProjectRole.ANNOTATOR);
        assertThat(creator.effectiveRole(OrganizationRole.MANAGER)).isEqualTo(ProjectRole.ANNOTATOR);
        assertThat(creator.effectiveRole(OrganizationRole.REVIEWER)).isEqualTo(ProjectRole.REVIEWER);
    }

    @Test
    void someoneWhoDoesNotReachTheProjectHasNoRoleInIt() {
        assertThat(new ProjectAccess("p", null, false, false).effectiveRole(OrganizationRole.REVIEWER)).isNull();
    }
}
