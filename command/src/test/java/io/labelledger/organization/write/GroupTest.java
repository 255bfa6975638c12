package io.labelledger.organization.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.CreateGroup;
import io.labelledger.organization.api.DeleteGroup;
import io.labelledger.organization.api.GroupChanged;
import io.labelledger.organization.api.GroupCreated;
import io.labelledger.organization.api.GroupDeleted;
import io.labelledger.organization.api.GroupId;
import io.labelledger.organization.api.GroupMembersChanged;
import io.labelledger.organization.api.GroupProjectsChanged;
import io.labelledger.organization.api.GroupWorkspacesChanged;
import io.labelledger.organization.api.ProjectGrant;
import io.labelledger.project.api.ProjectId;
import io.labelledger.organization.api.WorkspaceId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.ReplaceGroup;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Forbidden;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.labelledger.organization.api.IdentitySource.SCIM;
import static io.labelledger.organization.api.OrganizationRole.MANAGER;
import static io.labelledger.organization.api.OrganizationRole.OWNER;
import static io.labelledger.organization.api.OrganizationRole.REVIEWER;
import static io.labelledger.project.api.ProjectRole.ANNOTATOR;
import static io.labelledger.testing.DomainErrors.error;

class GroupTest {
    static final GroupId GROUP = new GroupId("g-1");
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final OrganizationId OTHER_ORG = new OrganizationId("org-2");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final UserId CAROL = new UserId("carol");
    static final GroupCreated CREATED = new GroupCreated(GROUP, ORG, "Reviewers", "ext-1", REVIEWER, List.of(ALICE, BOB), SCIM);

    AggregateTestFixture<Group> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Group.class);
    }

    @Test
    void createsAGroupWithSortedMembers() {
        fixture.givenNoPriorActivity()
               .when(new CreateGroup(GROUP, ORG, "  Reviewers ", "ext-1", REVIEWER, Set.of(BOB, ALICE), SCIM))
               .expectEvents(CREATED);
    }

    @Test
    void aGroupGrantsWorkspacesAndRecordsOnlyChangesOfThem() {
        WorkspaceId a = new WorkspaceId("ws-a");
        WorkspaceId b = new WorkspaceId("ws-b");
        fixture.givenNoPriorActivity()
               .when(new CreateGroup(GROUP, ORG, "Reviewers", "ext-1", REVIEWER, Set.of(ALICE, BOB), SCIM, Set.of(b, a)))
               .expectEvents(CREATED, new GroupWorkspacesChanged(GROUP, ORG, List.of(a, b), SCIM));
        fixture.given(CREATED, new GroupWorkspacesChanged(GROUP, ORG, List.of(a, b), SCIM))
               .when(new ReplaceGroup(GROUP, null, ORG, "Reviewers", "ext-1", REVIEWER, Set.of(ALICE, BOB), SCIM, Set.of(a, b)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(CREATED, new GroupWorkspacesChanged(GROUP, ORG, List.of(a, b), SCIM))
               .when(new ReplaceGroup(GROUP, null, ORG, "Reviewers", "ext-1", REVIEWER, Set.of(ALICE, BOB), SCIM))
               .expectEvents(new GroupWorkspacesChanged(GROUP, ORG, List.of(), SCIM));
    }

    @Test
    void aGroupGrantsProjectsWithARoleAndRecordsOnlyChangesOfThem() {
        ProjectId p1 = new ProjectId("p-1");
        ProjectId p2 = new ProjectId("p-2");
        ProjectGrant p1Reviewer = new ProjectGrant(p1, io.labelledger.project.api.ProjectRole.REVIEWER);
        ProjectGrant p2Annotator = new ProjectGrant(p2, ANNOTATOR);
        // given nothing, when a group is created with two project grants, then they are recorded sorted by project
        fixture.givenNoPriorActivity()
               .when(new CreateGroup(GROUP, ORG, "Reviewers", "ext-1", REVIEWER, Set.of(ALICE, BOB), SCIM, Set.of(), Set.of(p2Annotator, p1Reviewer)))
               .expectEvents(CREATED, new GroupProjectsChanged(GROUP, ORG, List.of(p1Reviewer, p2Annotator), SCIM));
        // the same grants again: nothing to record
        fixture.given(CREATED, new GroupProjectsChanged(GROUP, ORG, List.of(p1Reviewer, p2Annotator), SCIM))
               .when(new ReplaceGroup(GROUP, null, ORG, "Reviewers", "ext-1", REVIEWER, Set.of(ALICE, BOB), SCIM, Set.of(), Set.of(p1Reviewer, p2Annotator)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        // a changed role is a change; workspaces are untouched
        fixture.given(CREATED, new GroupProjectsChanged(GROUP, ORG, List.of(p1Reviewer, p2Annotator), SCIM))
               .when(new ReplaceGroup(GROUP, null, ORG, "Reviewers", "ext-1", REVIEWER, Set.of(ALICE, BOB), SCIM, Set.of(),
                       Set.of(new ProjectGrant(p1, ANNOTATOR))))
               .expectEvents(new GroupProjectsChanged(GROUP, ORG, List.of(new ProjectGrant(p1, ANNOTATOR)), SCIM));
    }

    @Test
    void aGroupGrantsAProjectOnceWithOneRole() {
        ProjectId p1 = new ProjectId("p-1");
        fixture.givenNoPriorActivity()
               .when(new CreateGroup(GROUP, ORG, "Reviewers", null, null, Set.of(), SCIM, Set.of(),
                       Set.of(new ProjectGrant(p1, ANNOTATOR), new ProjectGrant(p1, io.labelledger.project.api.ProjectRole.REVIEWER))))
               .expectNoEvents()
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "projects"));
        fixture.givenNoPriorActivity()
               .when(new CreateGroup(GROUP, ORG, "Reviewers", null, null, Set.of(), SCIM, Set.of(), Set.of(new ProjectGrant(p1, null))))
               .expectNoEvents()
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "projects"));
    }

    @Test
    void aGroupNeverGrantsTheOwnerRole() {
        fixture.givenNoPriorActivity()
               .when(new CreateGroup(GROUP, ORG, "Owners", null, OWNER, Set.of(), SCIM))
               .expectNoEvents()
               .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "role"));
    }

    @Test
    void aGroupNeedsAName() {
        fixture.givenNoPriorActivity()
               .when(new CreateGroup(GROUP, ORG, " ", null, null, Set.of(), SCIM))
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "displayName"));
    }

    @Test
    void replacingRecordsOnlyTheDifferences() {
        fixture.given(CREATED)
               .when(new ReplaceGroup(GROUP, null, ORG, "Reviewers", "ext-1", MANAGER, Set.of(BOB, CAROL), SCIM))
               .expectEvents(new GroupChanged(GROUP, ORG, "Reviewers", "ext-1", MANAGER, SCIM),
                             new GroupMembersChanged(GROUP, ORG, List.of(CAROL), List.of(ALICE), SCIM));
    }

    @Test
    void replacingWithTheSameStateRecordsNothing() {
        fixture.given(CREATED)
               .when(new ReplaceGroup(GROUP, null, ORG, "Reviewers", "ext-1", REVIEWER, Set.of(ALICE, BOB), SCIM))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void anotherOrganizationsGroupDoesNotExist() {
        fixture.given(CREATED)
               .when(new ReplaceGroup(GROUP, null, OTHER_ORG, "Mine now", null, null, Set.of(), SCIM))
               .expectNoEvents()
               .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "id"));
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(CREATED, new GroupChanged(GROUP, ORG, "Renamed", null, REVIEWER, SCIM))
               .when(new ReplaceGroup(GROUP, 0L, ORG, "Stale", null, REVIEWER, Set.of(), SCIM))
               .expectNoEvents()
               .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    @Test
    void aDeletedGroupTakesNoChanges() {
        fixture.given(CREATED, new GroupDeleted(GROUP, ORG, SCIM))
               .when(new DeleteGroup(GROUP, null, ORG, SCIM))
               .expectNoEvents()
               .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "id"));
    }

    @Test
    void deletes() {
        fixture.given(CREATED)
               .when(new DeleteGroup(GROUP, 0L, ORG, SCIM))
               .expectEvents(new GroupDeleted(GROUP, ORG, SCIM));
    }
}
