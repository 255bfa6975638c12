package io.labelledger.organization.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.CreateOrganization;
import io.labelledger.organization.api.MemberJoined;
import io.labelledger.organization.api.OrganizationCreated;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.organization.api.AcceptInvitation;
import io.labelledger.organization.api.ChangeMemberRole;
import io.labelledger.organization.api.CreateInvitation;
import io.labelledger.organization.api.DeactivateMember;
import io.labelledger.organization.api.InvitationAccepted;
import io.labelledger.organization.api.InvitationCreated;
import io.labelledger.organization.api.InvitationId;
import io.labelledger.organization.api.InvitationRevoked;
import io.labelledger.organization.api.RevokeInvitation;
import io.labelledger.organization.api.SessionPolicyChanged;
import io.labelledger.organization.api.SetSessionPolicy;
import io.labelledger.organization.api.MemberDeactivated;
import io.labelledger.organization.api.IdentitySource;
import io.labelledger.organization.api.MemberProvisioned;
import io.labelledger.organization.api.MemberReactivated;
import io.labelledger.organization.api.ProvisionMember;
import io.labelledger.organization.api.AddWorkspaceMembers;
import io.labelledger.organization.api.ArchiveWorkspace;
import io.labelledger.organization.api.ConfigureLdap;
import io.labelledger.organization.api.CreateWorkspace;
import io.labelledger.organization.api.LdapSettingsChanged;
import io.labelledger.organization.api.MoveProject;
import io.labelledger.organization.api.ProjectMoved;
import io.labelledger.organization.api.RemoveWorkspaceMember;
import io.labelledger.organization.api.RenameWorkspace;
import io.labelledger.organization.api.WorkspaceArchived;
import io.labelledger.organization.api.WorkspaceCreated;
import io.labelledger.organization.api.WorkspaceId;
import io.labelledger.organization.api.WorkspaceMemberAdded;
import io.labelledger.organization.api.WorkspaceMemberRemoved;
import io.labelledger.organization.api.WorkspaceRenamed;
import io.labelledger.organization.api.WorkspaceRestored;
import io.labelledger.project.api.ProjectId;
import io.labelledger.organization.api.MemberRoleChanged;
import io.labelledger.organization.api.ReactivateMember;
import io.labelledger.shared.Conflict;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Forbidden;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.labelledger.organization.api.OrganizationRole.ADMIN;
import static io.labelledger.organization.api.OrganizationRole.ANNOTATOR;
import static io.labelledger.organization.api.OrganizationRole.MANAGER;
import static io.labelledger.organization.api.OrganizationRole.OWNER;
import static io.labelledger.organization.api.OrganizationRole.REVIEWER;
import static io.labelledger.testing.DomainErrors.error;

class OrganizationTest {
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final UserId ALICE = new UserId("alice");

    AggregateTestFixture<Organization> fixture;

    @BeforeEach
    void setUp() { fixture = new AggregateTestFixture<>(Organization.class); }

    @Test
    void creatingAnOrganizationMakesItsCreatorTheOwner() {
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, "Acme Labs", ALICE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new OrganizationCreated(ORG, "Acme Labs", ALICE),
                             new MemberJoined(ORG, ALICE, OrganizationRole.OWNER, ALICE));
    }

    @Test
    void theNameIsStoredWithoutSurroundingBlanks() {
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, "  Acme Labs \n", ALICE))
               .expectEvents(new OrganizationCreated(ORG, "Acme Labs", ALICE),
                             new MemberJoined(ORG, ALICE, OrganizationRole.OWNER, ALICE));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aMissingNameIsRefused(String name) {
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, name, ALICE))
               .expectNoEvents()
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "organizationName"));
    }

    @Test
    void aNameOfTheMaximumLengthIsAccepted() {
        String name = "n".repeat(Organization.MAX_NAME);
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, name, ALICE))
               .expectEvents(new OrganizationCreated(ORG, name, ALICE),
                             new MemberJoined(ORG, ALICE, OrganizationRole.OWNER, ALICE));
    }

    @Test
    void aNameLongerThanTheMaximumIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new CreateOrganization(ORG, "n".repeat(Organization.MAX_NAME + 1), ALICE))
               .expectNoEvents()
               .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "organizationName"));
    }

    // ---- membership -----------------------------------------------------------------------------------

    static final UserId BOB = new UserId("bob");
    static final UserId CAROL = new UserId("carol");
    static final UserId DAVE = new UserId("dave");
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant IN_A_WEEK = T0.plus(Duration.ofDays(7));
    static final String HASH = "a".repeat(64);
    static final String OTHER_HASH = "b".repeat(64);
    static final InvitationId INVITATION = new InvitationId("inv-1");

    static final OrganizationCreated CREATED = new OrganizationCreated(ORG, "Acme Labs", ALICE);
    static final MemberJoined ALICE_OWNER = new MemberJoined(ORG, ALICE, OWNER, ALICE);

    static MemberJoined joined(UserId user, OrganizationRole role) { return new MemberJoined(ORG, user, role, ALICE); }

    @Nested
    class Invitations {
        @Test
        void anOwnerInvitesWithARolePresetAndOnlyTheTokenHashIsRecorded() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new CreateInvitation(ORG, INVITATION, HASH, MANAGER, IN_A_WEEK, T0, ALICE))
                   .expectEvents(new InvitationCreated(ORG, INVITATION, HASH, MANAGER, IN_A_WEEK, ALICE));
        }

        @ParameterizedTest
        @EnumSource(value = OrganizationRole.class, names = {"ADMIN", "MANAGER", "REVIEWER", "ANNOTATOR"})
        void anAdminInvitesBelowOwner(OrganizationRole role) {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN))
                   .when(new CreateInvitation(ORG, INVITATION, HASH, role, IN_A_WEEK, T0, BOB))
                   .expectEvents(new InvitationCreated(ORG, INVITATION, HASH, role, IN_A_WEEK, BOB));
        }

        @Test
        void anAdminCannotInviteAnOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN))
                   .when(new CreateInvitation(ORG, INVITATION, HASH, OWNER, IN_A_WEEK, T0, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "role"));
        }

        @ParameterizedTest
        @EnumSource(value = OrganizationRole.class, names = {"MANAGER", "REVIEWER", "ANNOTATOR"})
        void managersReviewersAndAnnotatorsCannotInvite(OrganizationRole actorRole) {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, actorRole))
                   .when(new CreateInvitation(ORG, INVITATION, HASH, ANNOTATOR, IN_A_WEEK, T0, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }

        @Test
        void aStrangerCannotInviteAndTheOrganizationIsNotFoundForThem() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new CreateInvitation(ORG, INVITATION, HASH, ANNOTATOR, IN_A_WEEK, T0, DAVE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND));
        }

        @Test
        void aDeactivatedAdminCannotInvite() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN), new MemberDeactivated(ORG, BOB, ALICE))
                   .when(new CreateInvitation(ORG, INVITATION, HASH, ANNOTATOR, IN_A_WEEK, T0, BOB))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "not-a-hash", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
        void theTokenMustBeRecordedAsAHash(String hash) {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new CreateInvitation(ORG, INVITATION, hash, ANNOTATOR, IN_A_WEEK, T0, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "tokenHash"));
        }

        @Test
        void theExpiryMustLieInTheFutureAndWithinThirtyDays() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new CreateInvitation(ORG, INVITATION, HASH, ANNOTATOR, T0, T0, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "expiresAt"));
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new CreateInvitation(ORG, INVITATION, HASH, ANNOTATOR, T0.plus(Duration.ofDays(31)), T0, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "expiresAt"));
        }

        @Test
        void aReusedTokenHashIsAConflict() {
            fixture.given(CREATED, ALICE_OWNER, new InvitationCreated(ORG, INVITATION, HASH, ANNOTATOR, IN_A_WEEK, ALICE))
                   .when(new CreateInvitation(ORG, new InvitationId("inv-2"), HASH, ANNOTATOR, IN_A_WEEK, T0, ALICE))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "tokenHash"));
        }

        @Test
        void acceptingJoinsWithThePresetRole() {
            fixture.given(CREATED, ALICE_OWNER, new InvitationCreated(ORG, INVITATION, HASH, REVIEWER, IN_A_WEEK, ALICE))
                   .when(new AcceptInvitation(ORG, HASH, T0.plusSeconds(60), CAROL))
                   .expectEvents(new InvitationAccepted(ORG, INVITATION, CAROL), new MemberJoined(ORG, CAROL, REVIEWER, CAROL));
        }

        @Test
        void anInvitationIsSingleUse() {
            fixture.given(CREATED, ALICE_OWNER, new InvitationCreated(ORG, INVITATION, HASH, REVIEWER, IN_A_WEEK, ALICE),
                          new InvitationAccepted(ORG, INVITATION, CAROL), new MemberJoined(ORG, CAROL, REVIEWER, CAROL))
                   .when(new AcceptInvitation(ORG, HASH, T0.plusSeconds(120), DAVE))
                   .expectNoEvents()
                   .expectException(error(InvitationUsed.class, ErrorCode.INVITATION_USED, "invitation"));
        }

        @Test
        void anExpiredInvitationIsRefused() {
            fixture.given(CREATED, ALICE_OWNER, new InvitationCreated(ORG, INVITATION, HASH, REVIEWER, IN_A_WEEK, ALICE))
                   .when(new AcceptInvitation(ORG, HASH, IN_A_WEEK, CAROL))
                   .expectNoEvents()
                   .expectException(error(InvitationExpired.class, ErrorCode.INVITATION_EXPIRED, "invitation"));
        }

        @Test
        void anUnknownInvitationIsNotFound() {
            fixture.given(CREATED, ALICE_OWNER, new InvitationCreated(ORG, INVITATION, HASH, REVIEWER, IN_A_WEEK, ALICE))
                   .when(new AcceptInvitation(ORG, OTHER_HASH, T0, CAROL))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "invitation"));
        }

        @Test
        void aMemberCannotJoinTwice() {
            fixture.given(CREATED, ALICE_OWNER, new InvitationCreated(ORG, INVITATION, HASH, REVIEWER, IN_A_WEEK, ALICE))
                   .when(new AcceptInvitation(ORG, HASH, T0, ALICE))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "invitation"));
        }
    }

    @Nested
    class Roles {
        @Test
        void anOwnerPromotesAnotherMemberToOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR))
                   .when(new ChangeMemberRole(ORG, BOB, OWNER, ALICE))
                   .expectEvents(new MemberRoleChanged(ORG, BOB, ANNOTATOR, OWNER, ALICE));
        }

        @Test
        void anAdminChangesRolesBelowOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN), joined(CAROL, ANNOTATOR))
                   .when(new ChangeMemberRole(ORG, CAROL, MANAGER, BOB))
                   .expectEvents(new MemberRoleChanged(ORG, CAROL, ANNOTATOR, MANAGER, BOB));
        }

        @Test
        void anAdminCannotGrantOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN), joined(CAROL, ANNOTATOR))
                   .when(new ChangeMemberRole(ORG, CAROL, OWNER, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "role"));
        }

        @Test
        void anAdminCannotPromoteThemselvesToOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN))
                   .when(new ChangeMemberRole(ORG, BOB, OWNER, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "role"));
        }

        @Test
        void anAdminCannotDemoteAnOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN), joined(CAROL, OWNER))
                   .when(new ChangeMemberRole(ORG, CAROL, ANNOTATOR, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "userId"));
        }

        @ParameterizedTest
        @EnumSource(value = OrganizationRole.class, names = {"MANAGER", "REVIEWER", "ANNOTATOR"})
        void othersCannotChangeRoles(OrganizationRole actorRole) {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, actorRole), joined(CAROL, ANNOTATOR))
                   .when(new ChangeMemberRole(ORG, CAROL, REVIEWER, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }

        @Test
        void theLastOwnerCannotBeDemoted() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new ChangeMemberRole(ORG, ALICE, ADMIN, ALICE))
                   .expectNoEvents()
                   .expectException(error(LastOwner.class, ErrorCode.LAST_OWNER, "userId"));
        }

        @Test
        void aDeactivatedOwnerDoesNotCountAsTheOtherOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, OWNER), new MemberDeactivated(ORG, BOB, ALICE))
                   .when(new ChangeMemberRole(ORG, ALICE, ADMIN, ALICE))
                   .expectNoEvents()
                   .expectException(error(LastOwner.class, ErrorCode.LAST_OWNER, "userId"));
        }

        @Test
        void anOwnerStepsDownWhenAnotherOwnerRemains() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, OWNER))
                   .when(new ChangeMemberRole(ORG, ALICE, ADMIN, ALICE))
                   .expectEvents(new MemberRoleChanged(ORG, ALICE, OWNER, ADMIN, ALICE));
        }

        @Test
        void theSameRoleRecordsNothing() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, REVIEWER))
                   .when(new ChangeMemberRole(ORG, BOB, REVIEWER, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anUnknownMemberIsNotFound() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new ChangeMemberRole(ORG, DAVE, REVIEWER, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "userId"));
        }
    }

    @Nested
    class Deactivation {
        @Test
        void anAdminDeactivatesAndReactivatesAnAnnotator() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN), joined(CAROL, ANNOTATOR))
                   .when(new DeactivateMember(ORG, CAROL, BOB))
                   .expectEvents(new MemberDeactivated(ORG, CAROL, BOB));
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN), joined(CAROL, ANNOTATOR), new MemberDeactivated(ORG, CAROL, BOB))
                   .when(new ReactivateMember(ORG, CAROL, BOB))
                   .expectEvents(new MemberReactivated(ORG, CAROL, BOB));
        }

        @Test
        void theLastActiveOwnerCannotBeDeactivated() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN))
                   .when(new DeactivateMember(ORG, ALICE, ALICE))
                   .expectNoEvents()
                   .expectException(error(LastOwner.class, ErrorCode.LAST_OWNER, "userId"));
        }

        @Test
        void anOwnerIsDeactivatedWhenAnotherActiveOwnerRemains() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, OWNER))
                   .when(new DeactivateMember(ORG, BOB, ALICE))
                   .expectEvents(new MemberDeactivated(ORG, BOB, ALICE));
        }

        @Test
        void anAdminCannotDeactivateOrReactivateAnOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN), joined(CAROL, OWNER))
                   .when(new DeactivateMember(ORG, CAROL, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "userId"));
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN), joined(CAROL, OWNER), new MemberDeactivated(ORG, CAROL, ALICE))
                   .when(new ReactivateMember(ORG, CAROL, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "userId"));
        }

        @ParameterizedTest
        @EnumSource(value = OrganizationRole.class, names = {"MANAGER", "REVIEWER", "ANNOTATOR"})
        void othersCannotDeactivate(OrganizationRole actorRole) {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, actorRole), joined(CAROL, ANNOTATOR))
                   .when(new DeactivateMember(ORG, CAROL, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }

        @Test
        void aDeactivatedMemberCannotManageAnymore() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, OWNER), joined(CAROL, ANNOTATOR), new MemberDeactivated(ORG, BOB, ALICE))
                   .when(new DeactivateMember(ORG, CAROL, BOB))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND));
        }

        @Test
        void repeatingADeactivationOrReactivationRecordsNothing() {
            fixture.given(CREATED, ALICE_OWNER, joined(CAROL, ANNOTATOR), new MemberDeactivated(ORG, CAROL, ALICE))
                   .when(new DeactivateMember(ORG, CAROL, ALICE))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(CREATED, ALICE_OWNER, joined(CAROL, ANNOTATOR))
                   .when(new ReactivateMember(ORG, CAROL, ALICE))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class Provisioning {
        static final IdentitySource SCIM = IdentitySource.SCIM;

        @Test
        void aNewPersonJoinsWithTheSourcesRole() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new ProvisionMember(ORG, BOB, REVIEWER, true, SCIM, ALICE))
                   .expectEvents(new MemberProvisioned(ORG, BOB, REVIEWER, true, SCIM));
        }

        @Test
        void theSourceChangesTheRoleAndDeactivatesAndReactivates() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR))
                   .when(new ProvisionMember(ORG, BOB, MANAGER, false, SCIM, ALICE))
                   .expectEvents(new MemberProvisioned(ORG, BOB, MANAGER, false, SCIM));
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), new MemberProvisioned(ORG, BOB, ANNOTATOR, false, SCIM))
                   .when(new ProvisionMember(ORG, BOB, ANNOTATOR, true, IdentitySource.SAML))
                   .expectEvents(new MemberProvisioned(ORG, BOB, ANNOTATOR, true, IdentitySource.SAML));
        }

        @Test
        void whatTheMemberAlreadyIsRecordsNothing() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR))
                   .when(new ProvisionMember(ORG, BOB, ANNOTATOR, true, SCIM, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void deprovisioningSomebodyWhoNeverJoinedRecordsNothing() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new ProvisionMember(ORG, BOB, ANNOTATOR, false, SCIM, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aSourceCannotGrantOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN))
                   .when(new ProvisionMember(ORG, BOB, OWNER, true, SCIM, ALICE))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "role"));
        }

        @Test
        void aSourceNeverDemotesAnOwnerButMayDeactivateOneWhoIsNotTheLast() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new ProvisionMember(ORG, ALICE, ANNOTATOR, true, SCIM, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, OWNER))
                   .when(new ProvisionMember(ORG, BOB, ANNOTATOR, false, SCIM, ALICE))
                   .expectEvents(new MemberProvisioned(ORG, BOB, OWNER, false, SCIM));
        }

        @Test
        void theLastActiveOwnerCannotBeDeprovisioned() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new ProvisionMember(ORG, ALICE, OWNER, false, SCIM, ALICE))
                   .expectNoEvents()
                   .expectException(error(LastOwner.class, ErrorCode.LAST_OWNER, "userId"));
        }

        /** Item 3 of issue 9: SCIM goes through the same rule as GraphQL, with its token creator's current rights. */
        @Test
        void anAdminsScimTokenCannotDeactivateOrReactivateAnOwner() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, OWNER), joined(CAROL, ADMIN))
                   .when(new ProvisionMember(ORG, BOB, ANNOTATOR, false, SCIM, CAROL))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "userId"));
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, OWNER), joined(CAROL, ADMIN), new MemberDeactivated(ORG, BOB, ALICE))
                   .when(new ProvisionMember(ORG, BOB, ANNOTATOR, true, SCIM, CAROL))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "userId"));
        }

        @Test
        void aScimTokenActsNoMoreOnceItsCreatorIsDeactivatedOrDemoted() {
            fixture.given(CREATED, ALICE_OWNER, joined(CAROL, ADMIN), new MemberDeactivated(ORG, CAROL, ALICE))
                   .when(new ProvisionMember(ORG, DAVE, ANNOTATOR, true, SCIM, CAROL))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND));
            fixture.given(CREATED, ALICE_OWNER, joined(CAROL, ADMIN), new MemberRoleChanged(ORG, CAROL, ADMIN, MANAGER, ALICE))
                   .when(new ProvisionMember(ORG, DAVE, ANNOTATOR, true, SCIM, CAROL))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
            // the deactivated Admin's own token cannot bring them back either
            fixture.given(CREATED, ALICE_OWNER, joined(CAROL, ADMIN), new MemberDeactivated(ORG, CAROL, ALICE))
                   .when(new ProvisionMember(ORG, CAROL, ADMIN, true, SCIM, CAROL))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND));
        }

        @Test
        void scimMustNameTheTokensCreator() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new ProvisionMember(ORG, BOB, ANNOTATOR, true, SCIM, null))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class Workspaces {
        static final WorkspaceId WS = new WorkspaceId("ws-1");
        static final WorkspaceId OTHER_WS = new WorkspaceId("ws-2");
        static final ProjectId PROJECT = new ProjectId("p-1");
        static final WorkspaceCreated WS_CREATED = new WorkspaceCreated(ORG, WS, "Medical", ALICE);
        static final WorkspaceCreated OTHER_CREATED = new WorkspaceCreated(ORG, OTHER_WS, "Retail", ALICE);

        @Test
        void anOwnerCreatesAWorkspaceWithATrimmedName() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new CreateWorkspace(ORG, WS, "  Medical ", ALICE))
                   .expectEvents(WS_CREATED);
        }

        @ParameterizedTest
        @EnumSource(value = OrganizationRole.class, names = {"MANAGER", "REVIEWER", "ANNOTATOR"})
        void onlyOwnersAndAdminsCreateWorkspaces(OrganizationRole role) {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, role))
                   .when(new CreateWorkspace(ORG, WS, "Medical", BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }

        @Test
        void namesAreUniqueWithoutRegardToCase() {
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED)
                   .when(new CreateWorkspace(ORG, OTHER_WS, "MEDICAL", ALICE))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "name"));
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED, OTHER_CREATED)
                   .when(new RenameWorkspace(ORG, OTHER_WS, "medical", ALICE))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "name"));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  "})
        void aWorkspaceNeedsAName(String name) {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new CreateWorkspace(ORG, WS, name, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "name"));
        }

        @Test
        void renamingArchivingAndRestoring() {
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED)
                   .when(new RenameWorkspace(ORG, WS, "Radiology", ALICE))
                   .expectEvents(new WorkspaceRenamed(ORG, WS, "Radiology", ALICE));
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED)
                   .when(new ArchiveWorkspace(ORG, WS, true, ALICE))
                   .expectEvents(new WorkspaceArchived(ORG, WS, ALICE));
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED, new WorkspaceArchived(ORG, WS, ALICE))
                   .when(new ArchiveWorkspace(ORG, WS, false, ALICE))
                   .expectEvents(new WorkspaceRestored(ORG, WS, ALICE));
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED)
                   .when(new ArchiveWorkspace(ORG, WS, false, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anUnknownWorkspaceIsNotFound() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new RenameWorkspace(ORG, WS, "Radiology", ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "workspaceId"));
        }

        @Test
        void bulkMembershipAddsEachNewMemberOnce() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), joined(CAROL, REVIEWER), WS_CREATED,
                          new WorkspaceMemberAdded(ORG, WS, BOB, ALICE))
                   .when(new AddWorkspaceMembers(ORG, WS, java.util.List.of(BOB, CAROL, CAROL), ALICE))
                   .expectEvents(new WorkspaceMemberAdded(ORG, WS, CAROL, ALICE));
        }

        @Test
        void bulkMembershipIsAllOrNothing() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), WS_CREATED)
                   .when(new AddWorkspaceMembers(ORG, WS, java.util.List.of(BOB, new UserId("stranger")), ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "userIds"));
        }

        @Test
        void aManagerManagesMembersOnlyOfWorkspacesTheyBelongTo() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, MANAGER), joined(CAROL, ANNOTATOR), WS_CREATED,
                          new WorkspaceMemberAdded(ORG, WS, BOB, ALICE))
                   .when(new AddWorkspaceMembers(ORG, WS, java.util.List.of(CAROL), BOB))
                   .expectEvents(new WorkspaceMemberAdded(ORG, WS, CAROL, BOB));
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, MANAGER), joined(CAROL, ANNOTATOR), WS_CREATED)
                   .when(new AddWorkspaceMembers(ORG, WS, java.util.List.of(CAROL), BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "workspaceId"));
        }

        @Test
        void anAnnotatorInTheWorkspaceCannotAddMembers() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), joined(CAROL, ANNOTATOR), WS_CREATED,
                          new WorkspaceMemberAdded(ORG, WS, BOB, ALICE))
                   .when(new AddWorkspaceMembers(ORG, WS, java.util.List.of(CAROL), BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }

        @Test
        void anIdentitySourceGrantsAndWithdrawsWorkspaceMembershipWithoutAPerson() {
            // given no person acting: the organization's provider (a SCIM group) adds and removes, like ProvisionMember
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), WS_CREATED)
                   .when(new AddWorkspaceMembers(ORG, WS, java.util.List.of(BOB), null, io.labelledger.organization.api.IdentitySource.SCIM))
                   .expectEvents(new WorkspaceMemberAdded(ORG, WS, BOB, null));
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), WS_CREATED, new WorkspaceMemberAdded(ORG, WS, BOB, null))
                   .when(new RemoveWorkspaceMember(ORG, WS, BOB, null, io.labelledger.organization.api.IdentitySource.SCIM))
                   .expectEvents(new WorkspaceMemberRemoved(ORG, WS, BOB, null));
            // still only members of the organization
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED)
                   .when(new AddWorkspaceMembers(ORG, WS, java.util.List.of(new UserId("stranger")), null, io.labelledger.organization.api.IdentitySource.SCIM))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "userIds"));
        }

        @Test
        void withoutASourceSomebodyMustAct() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), WS_CREATED)
                   .when(new AddWorkspaceMembers(ORG, WS, java.util.List.of(BOB), null))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND));
        }

        @Test
        void removingAMember() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), WS_CREATED, new WorkspaceMemberAdded(ORG, WS, BOB, ALICE))
                   .when(new RemoveWorkspaceMember(ORG, WS, BOB, ALICE))
                   .expectEvents(new WorkspaceMemberRemoved(ORG, WS, BOB, ALICE));
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), WS_CREATED)
                   .when(new RemoveWorkspaceMember(ORG, WS, BOB, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void movingAProjectInOutAndBetweenWorkspaces() {
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED, OTHER_CREATED)
                   .when(new MoveProject(ORG, PROJECT, WS, ALICE))
                   .expectEvents(new ProjectMoved(ORG, PROJECT, null, WS, ALICE));
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED, OTHER_CREATED, new ProjectMoved(ORG, PROJECT, null, WS, ALICE))
                   .when(new MoveProject(ORG, PROJECT, OTHER_WS, ALICE))
                   .expectEvents(new ProjectMoved(ORG, PROJECT, WS, OTHER_WS, ALICE));
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED, new ProjectMoved(ORG, PROJECT, null, WS, ALICE))
                   .when(new MoveProject(ORG, PROJECT, null, ALICE))
                   .expectEvents(new ProjectMoved(ORG, PROJECT, WS, null, ALICE));
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED, new ProjectMoved(ORG, PROJECT, null, WS, ALICE))
                   .when(new MoveProject(ORG, PROJECT, WS, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anArchivedWorkspaceTakesNoProjects() {
            fixture.given(CREATED, ALICE_OWNER, WS_CREATED, new WorkspaceArchived(ORG, WS, ALICE))
                   .when(new MoveProject(ORG, PROJECT, WS, ALICE))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "workspaceId"));
        }

        @Test
        void aManagerMovesProjectsOnlyBetweenWorkspacesTheyBelongTo() {
            var given = java.util.List.<Object>of(CREATED, ALICE_OWNER, joined(BOB, MANAGER), WS_CREATED, OTHER_CREATED,
                    new WorkspaceMemberAdded(ORG, WS, BOB, ALICE), new ProjectMoved(ORG, PROJECT, null, WS, ALICE));
            fixture.given(given)
                   .when(new MoveProject(ORG, PROJECT, OTHER_WS, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "workspaceId"));
            fixture.given(given).andGiven(new WorkspaceMemberAdded(ORG, OTHER_WS, BOB, ALICE))
                   .when(new MoveProject(ORG, PROJECT, OTHER_WS, BOB))
                   .expectEvents(new ProjectMoved(ORG, PROJECT, WS, OTHER_WS, BOB));
        }

        @ParameterizedTest
        @EnumSource(value = OrganizationRole.class, names = {"REVIEWER", "ANNOTATOR"})
        void reviewersAndAnnotatorsCannotMoveProjects(OrganizationRole role) {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, role), WS_CREATED, new WorkspaceMemberAdded(ORG, WS, BOB, ALICE))
                   .when(new MoveProject(ORG, PROJECT, WS, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class Ldap {
        @Test
        void anAdminConfiguresDirectorySignInForADomain() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN))
                   .when(new ConfigureLdap(ORG, true, " Corp.Example.COM ", "ldaps://ldap.corp.example.com:636", BOB))
                   .expectEvents(new LdapSettingsChanged(ORG, true, "corp.example.com", "ldaps://ldap.corp.example.com:636", BOB));
        }

        @ParameterizedTest
        @EnumSource(value = OrganizationRole.class, names = {"MANAGER", "REVIEWER", "ANNOTATOR"})
        void nobodyElseDoes(OrganizationRole role) {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, role))
                   .when(new ConfigureLdap(ORG, true, "example.com", "ldap://ldap.example.com", BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "localhost", "exa mple.com", "@example.com", "example.com/x", "-bad.com"})
        void theDomainMustBeAnEmailDomain(String domain) {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new ConfigureLdap(ORG, true, domain, "ldap://ldap.example.com", ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "emailDomain"));
        }
    }

    @Nested
    class RevokingInvitations {
        final InvitationCreated created = new InvitationCreated(ORG, INVITATION, HASH, ANNOTATOR, IN_A_WEEK, ALICE);

        @Test
        void aRevokedInvitationCanNoLongerBeAccepted() {
            fixture.given(CREATED, ALICE_OWNER, created)
                   .when(new RevokeInvitation(ORG, INVITATION, ALICE))
                   .expectEvents(new InvitationRevoked(ORG, INVITATION, ALICE));
            fixture.given(CREATED, ALICE_OWNER, created, new InvitationRevoked(ORG, INVITATION, ALICE))
                   .when(new AcceptInvitation(ORG, HASH, T0, BOB))
                   .expectNoEvents()
                   .expectException(error(RevokedInvitation.class, ErrorCode.INVITATION_REVOKED, "invitation"));
        }

        @Test
        void revokingTwiceRecordsNothingAndAnAcceptedInvitationIsNotRevoked() {
            fixture.given(CREATED, ALICE_OWNER, created, new InvitationRevoked(ORG, INVITATION, ALICE))
                   .when(new RevokeInvitation(ORG, INVITATION, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
            fixture.given(CREATED, ALICE_OWNER, created, new InvitationAccepted(ORG, INVITATION, BOB), joined(BOB, ANNOTATOR))
                   .when(new RevokeInvitation(ORG, INVITATION, ALICE))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "invitationId"));
        }

        @Test
        void anAdminCannotRevokeAnOwnerInvitationAndAnAnnotatorNone() {
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ADMIN), new InvitationCreated(ORG, INVITATION, HASH, OWNER, IN_A_WEEK, ALICE))
                   .when(new RevokeInvitation(ORG, INVITATION, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN, "invitationId"));
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, ANNOTATOR), created)
                   .when(new RevokeInvitation(ORG, INVITATION, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }

        @Test
        void anUnknownInvitationIsNotFound() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new RevokeInvitation(ORG, INVITATION, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "invitationId"));
        }
    }

    @Nested
    class SessionPolicy {
        @Test
        void anOwnerSetsIdleAndAbsoluteLimitsAndUnchangedRecordsNothing() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new SetSessionPolicy(ORG, 30, 12, ALICE))
                   .expectEvents(new SessionPolicyChanged(ORG, 30, 12, ALICE));
            fixture.given(CREATED, ALICE_OWNER, new SessionPolicyChanged(ORG, 30, 12, ALICE))
                   .when(new SetSessionPolicy(ORG, 30, 12, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
            fixture.given(CREATED, ALICE_OWNER, new SessionPolicyChanged(ORG, 30, 12, ALICE))
                   .when(new SetSessionPolicy(ORG, null, null, ALICE))
                   .expectEvents(new SessionPolicyChanged(ORG, null, null, ALICE));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 4, 10081})
        void theIdleTimeoutIsBounded(int minutes) {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new SetSessionPolicy(ORG, minutes, null, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "idleTimeoutMinutes"));
        }

        @Test
        void theAbsoluteLimitIsBoundedAndOnlyOwnersAndAdminsSetIt() {
            fixture.given(CREATED, ALICE_OWNER)
                   .when(new SetSessionPolicy(ORG, null, 0, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "maxSessionHours"));
            fixture.given(CREATED, ALICE_OWNER, joined(BOB, MANAGER))
                   .when(new SetSessionPolicy(ORG, 30, null, BOB))
                   .expectNoEvents()
                   .expectException(error(Forbidden.class, ErrorCode.FORBIDDEN));
        }
    }
}
