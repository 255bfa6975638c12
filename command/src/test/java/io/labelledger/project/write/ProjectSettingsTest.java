package io.labelledger.project.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.AnnotatorPaused;
import io.labelledger.project.api.AnnotatorResumed;
import io.labelledger.project.api.PauseAnnotator;
import io.labelledger.project.api.PauseSource;
import io.labelledger.project.api.ProjectCreated;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.api.ProjectSettings.AnnotationLimit;
import io.labelledger.project.api.ProjectSettings.Distribution;
import io.labelledger.project.api.ProjectSettings.DistributionMode;
import io.labelledger.project.api.ProjectSettings.General;
import io.labelledger.project.api.ProjectSettings.LimitUnit;
import io.labelledger.project.api.ProjectSettings.Sampling;
import io.labelledger.project.api.ProjectSettings.Skipping;
import io.labelledger.project.api.ProjectSettings.SkipQueue;
import io.labelledger.project.api.ProjectSettingsChanged;
import io.labelledger.project.api.ResumeAnnotator;
import io.labelledger.project.api.SettingsNotice;
import io.labelledger.project.api.TasksImported;
import io.labelledger.project.api.UpdateProjectSettings;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import io.labelledger.task.api.ImportId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.labelledger.testing.Configs.SENTIMENT;
import static io.labelledger.testing.DomainErrors.error;
import static org.assertj.core.api.Assertions.assertThat;

/** Workflow settings and pausing on the Project aggregate (issue 11). */
class ProjectSettingsTest {
    static final ProjectId PROJECT = new ProjectId("project-1");
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final OrganizationId OTHER_ORG = new OrganizationId("org-2");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final ProjectCreated CREATED = new ProjectCreated(PROJECT, ORG, "Reviews", "Movie reviews", SENTIMENT, 1, ALICE);
    static final ProjectSettings D = ProjectSettings.DEFAULTS;

    AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource((io.labelledger.project.config.LabelUsage) (projectId, config) -> List.of());
    }

    static Distribution overlap(int overlap) {
        return new Distribution(DistributionMode.AUTO, overlap, null, Distribution.DEFAULT_RESERVATION_MINUTES, Sampling.SEQUENTIAL, null);
    }

    static UpdateProjectSettings distribution(Distribution d) {
        return new UpdateProjectSettings(PROJECT, ORG, null, d, null, null, null, ALICE);
    }

    @Nested
    class Settings {
        @Test
        void aChangeRecordsAllSettingsWithTheNextVersion() {
            fixture.given(CREATED)
                   .when(distribution(overlap(2)))
                   .expectEvents(new ProjectSettingsChanged(PROJECT, ORG, D.with(null, overlap(2), null, null, null), 1, ALICE))
                   .expectResultMessagePayload(List.of());
        }

        @Test
        void aSecondChangeKeepsTheOtherSectionsAndCountsOn() {
            ProjectSettings first = D.with(null, overlap(2), null, null, null);
            Skipping skipping = new Skipping(SkipQueue.REQUEUE_TO_ME_LAST, true);
            fixture.given(CREATED, new ProjectSettingsChanged(PROJECT, ORG, first, 1, ALICE))
                   .when(new UpdateProjectSettings(PROJECT, ORG, null, null, skipping, null, null, BOB))
                   .expectEvents(new ProjectSettingsChanged(PROJECT, ORG, first.with(null, null, skipping, null, null), 2, BOB));
        }

        @Test
        void settingsAsTheyAreRecordNothing() {
            fixture.given(CREATED, new ProjectSettingsChanged(PROJECT, ORG, D.with(null, overlap(2), null, null, null), 1, ALICE))
                   .when(distribution(overlap(2)))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aLowerOverlapAndAShorterReservationSayTheyApplyToNewHandOuts() {
            fixture.given(CREATED, new ProjectSettingsChanged(PROJECT, ORG, D.with(null, overlap(3), null, null, null), 1, ALICE))
                   .when(distribution(new Distribution(DistributionMode.AUTO, 2, null, 30, Sampling.SEQUENTIAL, null)))
                   .expectResultMessagePayload(List.of(SettingsNotice.LOWER_OVERLAP_APPLIES_TO_NEW_HAND_OUTS,
                           SettingsNotice.SHORTER_RESERVATION_APPLIES_TO_NEW_HAND_OUTS));
        }

        @Test
        void aLimitAboveTheTaskCountIsAcceptedWithANotice() {
            Distribution limited = new Distribution(DistributionMode.AUTO, 1, null, Distribution.DEFAULT_RESERVATION_MINUTES, Sampling.SEQUENTIAL,
                    new AnnotationLimit(LimitUnit.COUNT, 50));
            fixture.given(CREATED, new TasksImported(PROJECT, ORG, new ImportId("i-1"), 1, 10, ALICE))
                   .when(distribution(limited))
                   .expectEvents(new ProjectSettingsChanged(PROJECT, ORG, D.with(null, limited, null, null, null), 1, ALICE))
                   .expectResultMessagePayload(List.of(SettingsNotice.LIMIT_ABOVE_TASK_COUNT));
        }

        @Test
        void aHundredPercentOverlapShareIsStoredAsEveryTask() {
            fixture.given(CREATED)
                   .when(distribution(new Distribution(DistributionMode.AUTO, 2, 100, 60, Sampling.UNIFORM, null)))
                   .expectEvents(new ProjectSettingsChanged(PROJECT, ORG,
                           D.with(null, new Distribution(DistributionMode.AUTO, 2, null, 60, Sampling.UNIFORM, null), null, null, null), 1, ALICE));
        }

        @Test
        void textIsStrippedAndTheColorLowerCased() {
            fixture.given(CREATED)
                   .when(new UpdateProjectSettings(PROJECT, ORG, new General(" #A0B1C2 ", "  **Read** me ", true), null, null, null, null, ALICE))
                   .expectEvents(new ProjectSettingsChanged(PROJECT, ORG, D.with(new General("#a0b1c2", "**Read** me", true), null, null, null, null),
                           1, ALICE));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 101})
        void anOverlapOutOfRangeIsRefusedNamingTheField(int value) {
            fixture.given(CREATED).when(distribution(overlap(value)))
                   .expectException(error(InvalidSetting.class, ErrorCode.VALIDATION, "distribution", "overlap"))
                   .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -5, 30 * 24 * 60 + 1})
        void aReservationTimeOutOfRangeIsRefused(int minutes) {
            fixture.given(CREATED).when(distribution(new Distribution(DistributionMode.AUTO, 1, null, minutes, Sampling.SEQUENTIAL, null)))
                   .expectException(error(InvalidSetting.class, ErrorCode.VALIDATION, "distribution", "reservationMinutes"));
        }

        @Test
        void anOverlapShareOutOfRangeIsRefused() {
            fixture.given(CREATED).when(distribution(new Distribution(DistributionMode.AUTO, 2, 0, 60, Sampling.SEQUENTIAL, null)))
                   .expectException(error(InvalidSetting.class, ErrorCode.VALIDATION, "distribution", "overlapPercent"));
        }

        @Test
        void aPercentLimitAboveAHundredIsRefused() {
            fixture.given(CREATED)
                   .when(distribution(new Distribution(DistributionMode.AUTO, 1, null, 60, Sampling.SEQUENTIAL, new AnnotationLimit(LimitUnit.PERCENT, 101))))
                   .expectException(error(InvalidSetting.class, ErrorCode.VALIDATION, "distribution", "limit"));
        }

        @Test
        void aMissingChoiceIsRefused() {
            fixture.given(CREATED).when(distribution(new Distribution(DistributionMode.AUTO, 1, null, 60, null, null)))
                   .expectException(error(InvalidSetting.class, ErrorCode.VALIDATION, "distribution", "sampling"));
        }

        @Test
        void aColorThatIsNotHexIsRefused() {
            fixture.given(CREATED)
                   .when(new UpdateProjectSettings(PROJECT, ORG, new General("red", "", false), null, null, null, null, ALICE))
                   .expectException(error(InvalidSetting.class, ErrorCode.VALIDATION, "general", "color"));
        }

        @Test
        void anotherOrganizationsProjectIsNotFound() {
            fixture.given(CREATED)
                   .when(new UpdateProjectSettings(PROJECT, OTHER_ORG, null, overlap(2), null, null, null, ALICE))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND));
        }
    }

    @Nested
    class Overlap {
        @Test
        void withoutAShareEveryTaskGetsTheOverlap() {
            assertThat(overlap(3).overlapOf(1)).isEqualTo(3);
            assertThat(overlap(3).overlapOf(77)).isEqualTo(3);
        }

        @Test
        void aShareGivesExactlyThatShareOfEveryHundredTasksTheOverlapSpreadOut() {
            Distribution d = new Distribution(DistributionMode.AUTO, 3, 20, 60, Sampling.SEQUENTIAL, null);
            long withOverlap = java.util.stream.LongStream.rangeClosed(1, 100).filter(n -> d.overlapOf(n) == 3).count();
            assertThat(withOverlap).isEqualTo(20);
            assertThat(java.util.stream.LongStream.rangeClosed(1, 20).filter(n -> d.overlapOf(n) == 3).count()).isLessThan(20);
            assertThat(java.util.stream.LongStream.rangeClosed(1, 100).filter(n -> d.overlapOf(n) != 3).allMatch(n -> d.overlapOf(n) == 1)).isTrue();
        }

        @Test
        void aPercentLimitRoundsUp() {
            assertThat(new AnnotationLimit(LimitUnit.PERCENT, 10).tasksFor(15)).isEqualTo(2);
            assertThat(new AnnotationLimit(LimitUnit.COUNT, 10).tasksFor(15)).isEqualTo(10);
        }
    }

    @Nested
    class Pausing {
        @Test
        void aManagerPausesAPersonWithAReason() {
            fixture.given(CREATED)
                   .when(new PauseAnnotator(PROJECT, ORG, BOB, "  Please reread the instructions ", PauseSource.MANAGER, ALICE))
                   .expectEvents(new AnnotatorPaused(PROJECT, ORG, BOB, "Please reread the instructions", PauseSource.MANAGER, ALICE));
        }

        @Test
        void aPolicyPausesUnderItsOwnSource() {
            fixture.given(CREATED)
                   .when(new PauseAnnotator(PROJECT, ORG, BOB, "Agreement below 0.6 on 20 tasks", PauseSource.POLICY, ALICE))
                   .expectEvents(new AnnotatorPaused(PROJECT, ORG, BOB, "Agreement below 0.6 on 20 tasks", PauseSource.POLICY, ALICE));
        }

        @Test
        void pausingAgainWithTheSameReasonRecordsNothingAndWithAnotherRecordsIt() {
            AnnotatorPaused paused = new AnnotatorPaused(PROJECT, ORG, BOB, "Too fast", PauseSource.MANAGER, ALICE);
            fixture.given(CREATED, paused)
                   .when(new PauseAnnotator(PROJECT, ORG, BOB, "Too fast", PauseSource.MANAGER, ALICE))
                   .expectNoEvents();
            fixture.given(CREATED, paused)
                   .when(new PauseAnnotator(PROJECT, ORG, BOB, "Too many skips", PauseSource.MANAGER, ALICE))
                   .expectEvents(new AnnotatorPaused(PROJECT, ORG, BOB, "Too many skips", PauseSource.MANAGER, ALICE));
        }

        @Test
        void aPauseNeedsAReason() {
            fixture.given(CREATED)
                   .when(new PauseAnnotator(PROJECT, ORG, BOB, "  ", PauseSource.MANAGER, ALICE))
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "reason"));
        }

        @Test
        void resumingRecordsOnlyForAPausedPerson() {
            fixture.given(CREATED, new AnnotatorPaused(PROJECT, ORG, BOB, "Too fast", PauseSource.MANAGER, ALICE))
                   .when(new ResumeAnnotator(PROJECT, ORG, BOB, ALICE))
                   .expectEvents(new AnnotatorResumed(PROJECT, ORG, BOB, ALICE));
            fixture.given(CREATED)
                   .when(new ResumeAnnotator(PROJECT, ORG, BOB, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }
    }
}
