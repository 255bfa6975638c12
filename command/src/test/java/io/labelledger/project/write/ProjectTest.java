package io.labelledger.project.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ChangeLabelingConfig;
import io.labelledger.project.api.ChangeMediaProxy;
import io.labelledger.project.api.MediaProxyChanged;
import io.labelledger.project.api.CreateProject;
import io.labelledger.project.api.LabelingConfigChanged;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectDetailsChanged;
import io.labelledger.project.api.ProjectExported;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.RecordProjectExport;
import io.labelledger.project.api.TasksImported;
import io.labelledger.project.api.UpdateProjectDetails;
import io.labelledger.project.config.InvalidLabelConfig;
import io.labelledger.project.config.LabelsInUse;
import java.util.List;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import io.labelledger.task.api.ImportId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicLong;

import static io.labelledger.testing.Configs.NER;
import static io.labelledger.testing.Configs.SENTIMENT;
import static io.labelledger.testing.DomainErrors.error;
import static org.assertj.core.api.Assertions.assertThat;
import io.labelledger.project.api.AddProjectMember;
import io.labelledger.project.api.ChangeProjectRole;
import io.labelledger.project.api.ProjectMemberAdded;
import io.labelledger.project.api.ProjectMemberRemoved;
import io.labelledger.project.api.ProjectRole;
import io.labelledger.project.api.ProjectRoleChanged;
import io.labelledger.project.api.RemoveProjectMember;
import io.labelledger.shared.Conflict;

class ProjectTest {
    static final ProjectId PROJECT = new ProjectId("project-1");
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final OrganizationId OTHER_ORG = new OrganizationId("org-2");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final ImportId IMPORT_1 = new ImportId("import-1");
    static final ImportId IMPORT_2 = new ImportId("import-2");

    static final ProjectCreated CREATED = new ProjectCreated(PROJECT, ORG, "Reviews", "Movie reviews", SENTIMENT, 1, ALICE);

    AggregateTestFixture<Project> fixture;

    final java.util.List<String> orphaned = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource((io.labelledger.project.config.LabelUsage) (projectId, config) -> List.copyOf(orphaned));
    }

    @Nested
    class Create {
        @Test
        void aProjectStartsAtLabelConfigVersionOne() {
            fixture.givenNoPriorActivity()
                   .when(new CreateProject(PROJECT, ORG, "Reviews", "Movie reviews", SENTIMENT, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(CREATED);
        }

        @Test
        void titleAndDescriptionAreStrippedAndAMissingDescriptionIsEmpty() {
            fixture.givenNoPriorActivity()
                   .when(new CreateProject(PROJECT, ORG, "  Reviews  ", null, SENTIMENT, ALICE))
                   .expectEvents(new ProjectCreated(PROJECT, ORG, "Reviews", "", SENTIMENT, 1, ALICE));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  "})
        void aMissingTitleIsRefused(String title) {
            fixture.givenNoPriorActivity()
                   .when(new CreateProject(PROJECT, ORG, title, "", SENTIMENT, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "title"));
        }

        @Test
        void aTitleOfTheMaximumLengthIsAccepted() {
            String title = "t".repeat(Project.MAX_TITLE);
            fixture.givenNoPriorActivity()
                   .when(new CreateProject(PROJECT, ORG, title, "", SENTIMENT, ALICE))
                   .expectEvents(new ProjectCreated(PROJECT, ORG, title, "", SENTIMENT, 1, ALICE));
        }

        @Test
        void aTooLongTitleIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(new CreateProject(PROJECT, ORG, "t".repeat(Project.MAX_TITLE + 1), "", SENTIMENT, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "title"));
        }

        @Test
        void aTooLongDescriptionIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(new CreateProject(PROJECT, ORG, "Reviews", "d".repeat(Project.MAX_DESCRIPTION + 1), SENTIMENT, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "description"));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "<View>", "<Choices/>", "<View><Text name=\"t\" value=\"$text\"/></View>"})
        void anInvalidLabelingConfigIsRefused(String labelConfig) {
            fixture.givenNoPriorActivity()
                   .when(new CreateProject(PROJECT, ORG, "Reviews", "", labelConfig, ALICE))
                   .expectNoEvents()
                   .expectException(error(InvalidLabelConfig.class, ErrorCode.INVALID_LABEL_CONFIG, "labelConfig"));
        }
    }

    @Nested
    class MediaProxy {
        @Test
        void allowingTheProxyIsRecorded() {
            fixture.given(CREATED)
                   .when(new ChangeMediaProxy(PROJECT, ORG, true, BOB))
                   .expectEvents(new MediaProxyChanged(PROJECT, ORG, true, BOB));
        }

        @Test
        void theProxyIsOffByDefaultSoForbiddingItRecordsNothing() {
            fixture.given(CREATED)
                   .when(new ChangeMediaProxy(PROJECT, ORG, false, BOB))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anAllowedProxyCanBeTurnedOffAgain() {
            fixture.given(CREATED, new MediaProxyChanged(PROJECT, ORG, true, BOB))
                   .when(new ChangeMediaProxy(PROJECT, ORG, false, ALICE))
                   .expectEvents(new MediaProxyChanged(PROJECT, ORG, false, ALICE));
        }

        @Test
        void anotherOrganizationsProjectIsNotFound() {
            fixture.given(CREATED)
                   .when(new ChangeMediaProxy(PROJECT, OTHER_ORG, true, BOB))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
        }
    }

    @Nested
    class UpdateDetails {
        @Test
        void aNewTitleAndDescriptionAreRecorded() {
            fixture.given(CREATED)
                   .when(new UpdateProjectDetails(PROJECT, ORG, "Reviews 2024", "Only 2024", BOB))
                   .expectEvents(new ProjectDetailsChanged(PROJECT, ORG, "Reviews 2024", "Only 2024", BOB));
        }

        @Test
        void aNullFieldKeepsItsValue() {
            fixture.given(CREATED)
                   .when(new UpdateProjectDetails(PROJECT, ORG, null, "Only 2024", BOB))
                   .expectEvents(new ProjectDetailsChanged(PROJECT, ORG, "Reviews", "Only 2024", BOB));
        }

        @Test
        void theLatestDetailsAreTheBaseOfTheNextChange() {
            fixture.given(CREATED, new ProjectDetailsChanged(PROJECT, ORG, "Reviews 2024", "Only 2024", BOB))
                   .when(new UpdateProjectDetails(PROJECT, ORG, null, "Movie reviews", BOB))
                   .expectEvents(new ProjectDetailsChanged(PROJECT, ORG, "Reviews 2024", "Movie reviews", BOB));
        }

        @Test
        void noChangeRecordsNothing() {
            fixture.given(CREATED)
                   .when(new UpdateProjectDetails(PROJECT, ORG, " Reviews ", "Movie reviews", BOB))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void allFieldsNullRecordsNothing() {
            fixture.given(CREATED)
                   .when(new UpdateProjectDetails(PROJECT, ORG, null, null, BOB))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aBlankTitleIsRefused() {
            fixture.given(CREATED)
                   .when(new UpdateProjectDetails(PROJECT, ORG, " ", null, BOB))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "title"));
        }

        @Test
        void aTooLongDescriptionIsRefused() {
            fixture.given(CREATED)
                   .when(new UpdateProjectDetails(PROJECT, ORG, null, "d".repeat(Project.MAX_DESCRIPTION + 1), BOB))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "description"));
        }

        @Test
        void anotherOrganizationsProjectIsNotFound() {
            fixture.given(CREATED)
                   .when(new UpdateProjectDetails(PROJECT, OTHER_ORG, "Mine now", null, BOB))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
        }
    }

    @Nested
    class ChangeConfig {
        @Test
        void aNewConfigIncrementsTheVersion() {
            fixture.given(CREATED)
                   .when(new ChangeLabelingConfig(PROJECT, ORG, NER, BOB))
                   .expectEvents(new LabelingConfigChanged(PROJECT, ORG, NER, 2, BOB));
        }

        @Test
        void aConfigOrphaningUsedLabelsIsRefused() {
            orphaned.add("sentiment:Negative");
            fixture.given(CREATED)
                   .when(new ChangeLabelingConfig(PROJECT, ORG, NER, BOB))
                   .expectNoEvents()
                   .expectException(error(LabelsInUse.class, ErrorCode.INVALID_LABEL_CONFIG, "labelConfig"))
                   .expectException(new org.hamcrest.CustomTypeSafeMatcher<LabelsInUse>("names the orphaned label") {
                       @Override
                       protected boolean matchesSafely(LabelsInUse e) { return e.labels().equals(List.of("sentiment:Negative")); }
                   });
        }

        @Test
        void versionsKeepCounting() {
            fixture.given(CREATED, new LabelingConfigChanged(PROJECT, ORG, NER, 2, BOB))
                   .when(new ChangeLabelingConfig(PROJECT, ORG, SENTIMENT, ALICE))
                   .expectEvents(new LabelingConfigChanged(PROJECT, ORG, SENTIMENT, 3, ALICE));
        }

        @Test
        void theSameConfigRecordsNothing() {
            fixture.given(CREATED, new LabelingConfigChanged(PROJECT, ORG, NER, 2, BOB))
                   .when(new ChangeLabelingConfig(PROJECT, ORG, NER, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anInvalidConfigIsRefused() {
            fixture.given(CREATED)
                   .when(new ChangeLabelingConfig(PROJECT, ORG, "<View><Choices name=\"c\" toName=\"nowhere\"/></View>", BOB))
                   .expectNoEvents()
                   .expectException(error(InvalidLabelConfig.class, ErrorCode.INVALID_LABEL_CONFIG, "labelConfig"));
        }

        @Test
        void anotherOrganizationsProjectIsNotFound() {
            fixture.given(CREATED)
                   .when(new ChangeLabelingConfig(PROJECT, OTHER_ORG, NER, BOB))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
        }
    }

    /** recordImport is not a command handler: the import handler calls it on the loaded aggregate. */
    @Nested
    class RecordImport {
        @Test
        void theFirstImportStartsAtNumberOne() {
            AtomicLong first = new AtomicLong(-1);
            fixture.given(CREATED)
                   .whenInvoking(PROJECT.value(), p -> first.set(p.recordImport(ORG, IMPORT_1, 3, BOB)))
                   .expectEvents(new TasksImported(PROJECT, ORG, IMPORT_1, 1, 3, BOB));
            assertThat(first).hasValue(1);
        }

        @Test
        void theNextImportContinuesAfterTheLastNumber() {
            AtomicLong first = new AtomicLong(-1);
            fixture.given(CREATED, new TasksImported(PROJECT, ORG, IMPORT_1, 1, 3, BOB))
                   .whenInvoking(PROJECT.value(), p -> first.set(p.recordImport(ORG, IMPORT_2, 2, BOB)))
                   .expectEvents(new TasksImported(PROJECT, ORG, IMPORT_2, 4, 2, BOB));
            assertThat(first).hasValue(4);
        }

        @Test
        void anEmptyImportIsRefused() {
            fixture.given(CREATED)
                   .whenInvoking(PROJECT.value(), p -> p.recordImport(ORG, IMPORT_1, 0, BOB))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION));
        }

        @Test
        void anotherOrganizationsProjectIsNotFound() {
            fixture.given(CREATED)
                   .whenInvoking(PROJECT.value(), p -> p.recordImport(OTHER_ORG, IMPORT_1, 3, BOB))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
        }
    }

    @Nested
    class Exporting {
        @Test
        void anExportIsRecordedWithWhoFormatAndCount() {
            fixture.given(CREATED)
                   .when(new RecordProjectExport(PROJECT, ORG, "CSV", true, 42, BOB))
                   .expectEvents(new ProjectExported(PROJECT, ORG, "CSV", true, 42, BOB));
        }

        @Test
        void anExportJobIsRecordedWithItsFilters() {
            java.time.Instant asOf = java.time.Instant.parse("2026-11-20T08:00:00Z");
            fixture.given(CREATED)
                   .when(new RecordProjectExport(PROJECT, ORG, "JSON", false, true, java.util.List.of(ALICE), asOf, 7, "job-1", BOB))
                   .expectEvents(new ProjectExported(PROJECT, ORG, "JSON", false, true, java.util.List.of(ALICE), asOf, 7, "job-1", BOB));
        }

        @Test
        void anotherOrganizationsProjectIsNotFound() {
            fixture.given(CREATED)
                   .when(new RecordProjectExport(PROJECT, OTHER_ORG, "JSON", false, 1, BOB))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
        }
    }

    @Nested
    class Members {
        @Test
        void aMemberIsAddedChangedAndRemoved() {
            fixture.given(CREATED)
                   .when(new AddProjectMember(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ALICE))
                   .expectEvents(new ProjectMemberAdded(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ALICE));
            fixture.given(CREATED, new ProjectMemberAdded(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ALICE))
                   .when(new ChangeProjectRole(PROJECT, ORG, BOB, ProjectRole.REVIEWER, ALICE))
                   .expectEvents(new ProjectRoleChanged(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ProjectRole.REVIEWER, ALICE));
            fixture.given(CREATED, new ProjectMemberAdded(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ALICE))
                   .when(new RemoveProjectMember(PROJECT, ORG, BOB, ALICE))
                   .expectEvents(new ProjectMemberRemoved(PROJECT, ORG, BOB, ALICE));
        }

        @Test
        void addingTwiceIsAConflict() {
            fixture.given(CREATED, new ProjectMemberAdded(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ALICE))
                   .when(new AddProjectMember(PROJECT, ORG, BOB, ProjectRole.REVIEWER, ALICE))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "userId"));
        }

        @Test
        void aRoleIsRequired() {
            fixture.given(CREATED)
                   .when(new AddProjectMember(PROJECT, ORG, BOB, null, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "role"));
        }

        @Test
        void changingOrRemovingANonMemberIsNotFound() {
            fixture.given(CREATED)
                   .when(new ChangeProjectRole(PROJECT, ORG, BOB, ProjectRole.REVIEWER, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "userId"));
            fixture.given(CREATED, new ProjectMemberAdded(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ALICE),
                          new ProjectMemberRemoved(PROJECT, ORG, BOB, ALICE))
                   .when(new RemoveProjectMember(PROJECT, ORG, BOB, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "userId"));
        }

        @Test
        void theSameRoleRecordsNothing() {
            fixture.given(CREATED, new ProjectMemberAdded(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ALICE))
                   .when(new ChangeProjectRole(PROJECT, ORG, BOB, ProjectRole.ANNOTATOR, ALICE))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anotherOrganizationsProjectIsNotFound() {
            fixture.given(CREATED)
                   .when(new AddProjectMember(PROJECT, OTHER_ORG, BOB, ProjectRole.ANNOTATOR, BOB))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "projectId"));
        }
    }
}
