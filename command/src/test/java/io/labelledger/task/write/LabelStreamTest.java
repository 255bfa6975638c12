package io.labelledger.task.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.api.ProjectSettings.AnnotationLimit;
import io.labelledger.project.api.ProjectSettings.Distribution;
import io.labelledger.project.api.ProjectSettings.DistributionMode;
import io.labelledger.project.api.ProjectSettings.LimitUnit;
import io.labelledger.project.api.ProjectSettings.Sampling;
import io.labelledger.project.api.ProjectSettings.SkipQueue;
import io.labelledger.project.config.LabelingConfigParser;
import io.labelledger.project.config.LabelingConfigs;
import io.labelledger.project.config.ProjectWorkflow;
import io.labelledger.project.config.ProjectWorkflows;
import io.labelledger.project.config.VersionedConfig;
import io.labelledger.shared.Conflict;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.NotFound;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.ImportId;
import io.labelledger.task.api.ReleaseReason;
import io.labelledger.task.api.ReservationReleased;
import io.labelledger.task.api.ReserveTask;
import io.labelledger.task.api.SkipTask;
import io.labelledger.task.api.SubmitAnnotation;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.TaskImported;
import io.labelledger.task.api.TaskReserved;
import io.labelledger.task.api.TaskSkipped;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.labelledger.testing.Configs.SENTIMENT;
import static io.labelledger.testing.DomainErrors.error;
import static io.labelledger.testing.Json.json;

/** The label stream on the Task aggregate (issue 11, ADR 0036): reservations, overlap, skip queue, pausing, limits. */
class LabelStreamTest {
    static final TaskId TASK = new TaskId("task-1");
    static final ProjectId PROJECT = new ProjectId("project-1");
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final UserId MANAGER = new UserId("manager");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final UserId CAROL = new UserId("carol");
    static final AnnotationId A1 = new AnnotationId("a-1");
    static final AnnotationId A2 = new AnnotationId("a-2");
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final int MINUTES = 60;
    static final JsonNode POSITIVE = json("[{'from_name':'sentiment','to_name':'text','type':'choices','value':{'choices':['Positive']}}]");
    static final TaskImported IMPORTED = new TaskImported(TASK, PROJECT, ORG, new ImportId("import-1"), 1, json("{'text':'Great movie'}"),
            List.of(), MANAGER);

    AggregateTestFixture<Task> fixture;
    ProjectWorkflow workflow;
    long takenOn;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        LabelingConfigParser parser = new LabelingConfigParser();
        fixture.registerInjectableResource((LabelingConfigs) projectId -> new VersionedConfig(1, parser.parse(SENTIMENT)));
        fixture.registerInjectableResource((ProjectWorkflows) projectId -> workflow);
        fixture.registerInjectableResource((Workloads) (projectId, userId, except, at) -> takenOn);
        settings(2, SkipQueue.REQUEUE_TO_OTHERS, null);
    }

    void settings(int overlap, SkipQueue queue, AnnotationLimit limit) {
        ProjectSettings s = ProjectSettings.DEFAULTS.with(null,
                new Distribution(DistributionMode.AUTO, overlap, null, MINUTES, Sampling.SEQUENTIAL, limit),
                new ProjectSettings.Skipping(queue, false), null, null);
        workflow = new ProjectWorkflow(s, workflow == null ? Map.of() : workflow.paused(), 10);
    }

    static TaskReserved reserved(UserId by, Instant at) {
        return new TaskReserved(TASK, PROJECT, ORG, by, at.plus(Duration.ofMinutes(MINUTES)));
    }

    static ReservationReleased released(UserId by, ReleaseReason reason) {
        return new ReservationReleased(TASK, PROJECT, ORG, by, reason);
    }

    static AnnotationSubmitted submitted(AnnotationId id, UserId by) {
        return new AnnotationSubmitted(TASK, PROJECT, ORG, id, POSITIVE, 3.0, by, 1);
    }

    @Nested
    class Reserve {
        @Test
        void aTaskWithRoomIsReservedForTheReservationTimeWithADeadline() {
            fixture.given(IMPORTED)
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectEvents(reserved(ALICE, T0))
                   .expectResultMessagePayload(T0.plus(Duration.ofMinutes(MINUTES)))
                   .expectScheduledDeadline(T0.plus(Duration.ofMinutes(MINUTES)), new ReservationDue(ALICE, T0.plus(Duration.ofMinutes(MINUTES))));
        }

        @Test
        void liveReservationsCountTowardsTheOverlap() {
            fixture.given(IMPORTED, reserved(ALICE, T0), reserved(BOB, T0))
                   .when(new ReserveTask(TASK, ORG, CAROL, T0.plusSeconds(5)))
                   .expectException(error(TaskFull.class, ErrorCode.TASK_FULL, "taskId"))
                   .expectNoEvents();
        }

        @Test
        void annotationsAndReservationsTogetherFillTheOverlap() {
            fixture.given(IMPORTED, reserved(ALICE, T0), submitted(A1, ALICE), released(ALICE, ReleaseReason.SUBMITTED), reserved(BOB, T0))
                   .when(new ReserveTask(TASK, ORG, CAROL, T0.plusSeconds(5)))
                   .expectException(error(TaskFull.class, ErrorCode.TASK_FULL));
        }

        @Test
        void aStaleReservationFreesItsPlaceAndIsReleasedOnTheWay() {
            Instant later = T0.plus(Duration.ofMinutes(MINUTES + 1));
            fixture.given(IMPORTED, reserved(ALICE, T0), reserved(BOB, T0.plus(Duration.ofMinutes(30))))
                   .when(new ReserveTask(TASK, ORG, CAROL, later))
                   .expectEvents(released(ALICE, ReleaseReason.EXPIRED), reserved(CAROL, later));
        }

        @Test
        void aPersonWhoAnnotatedIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE))
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectException(error(AlreadyAnnotated.class, ErrorCode.ALREADY_ANNOTATED));
        }

        @Test
        void aPersonHoldingALiveReservationIsRefused() {
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new ReserveTask(TASK, ORG, ALICE, T0.plusSeconds(1)))
                   .expectException(error(AlreadyReserved.class, ErrorCode.ALREADY_RESERVED, "taskId"));
        }

        @Test
        void aPausedPersonIsRefused() {
            workflow = new ProjectWorkflow(workflow.settings(), Map.of(ALICE, "Reread the guide"), 10);
            fixture.given(IMPORTED)
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectException(error(AnnotatorPausedHere.class, ErrorCode.PAUSED, "projectId"));
        }

        @Test
        void aPersonAtTheLimitIsRefused() {
            settings(2, SkipQueue.REQUEUE_TO_OTHERS, new AnnotationLimit(LimitUnit.COUNT, 3));
            takenOn = 3;
            fixture.given(IMPORTED)
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectException(error(LimitReached.class, ErrorCode.LIMIT_REACHED, "projectId"));
        }

        @Test
        void aPercentLimitCountsOnTheProjectsTasks() {
            settings(2, SkipQueue.REQUEUE_TO_OTHERS, new AnnotationLimit(LimitUnit.PERCENT, 50)); // 10 tasks: 5
            takenOn = 4;
            fixture.given(IMPORTED).when(new ReserveTask(TASK, ORG, ALICE, T0)).expectEvents(reserved(ALICE, T0));
        }

        @Test
        void anotherOrganizationsTaskIsNotFound() {
            fixture.given(IMPORTED)
                   .when(new ReserveTask(TASK, new OrganizationId("org-2"), ALICE, T0))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND));
        }

        @Test
        void theOverlapIsReadAtHandOutTime() {
            settings(1, SkipQueue.REQUEUE_TO_OTHERS, null); // lowered from 2: the next hand-out follows it
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new ReserveTask(TASK, ORG, BOB, T0))
                   .expectException(error(TaskFull.class, ErrorCode.TASK_FULL));
        }
    }

    @Nested
    class Release {
        @Test
        void aSubmitReleasesTheReservation() {
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, 3.0, ALICE))
                   .expectEvents(submitted(A1, ALICE), released(ALICE, ReleaseReason.SUBMITTED));
        }

        @Test
        void aSkipReleasesTheReservation() {
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new SkipTask(TASK, ORG, ALICE))
                   .expectEvents(new TaskSkipped(TASK, PROJECT, ORG, ALICE), released(ALICE, ReleaseReason.SKIPPED));
        }

        @Test
        void theDeadlineExpiresALiveReservation() {
            fixture.given(IMPORTED)
                   .andGivenCurrentTime(T0)
                   .andGivenCommands(new ReserveTask(TASK, ORG, ALICE, T0))
                   .whenThenTimeElapses(Duration.ofMinutes(MINUTES + 1))
                   .expectDeadlinesMet(new ReservationDue(ALICE, T0.plus(Duration.ofMinutes(MINUTES))))
                   .expectEvents(released(ALICE, ReleaseReason.EXPIRED));
        }

        @Test
        void theDeadlineOfAReleasedReservationDoesNothing() {
            fixture.given(IMPORTED)
                   .andGivenCurrentTime(T0)
                   .andGivenCommands(new ReserveTask(TASK, ORG, ALICE, T0), new SubmitAnnotation(TASK, ORG, A1, POSITIVE, 3.0, ALICE))
                   .whenThenTimeElapses(Duration.ofMinutes(MINUTES + 1))
                   .expectNoEvents();
        }

        @Test
        void anExpiredPersonMayStillSubmitWhileTheTaskHasRoom() {
            fixture.given(IMPORTED, reserved(ALICE, T0), released(ALICE, ReleaseReason.EXPIRED))
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, 3.0, ALICE))
                   .expectEvents(submitted(A1, ALICE));
        }

        @Test
        void anExpiredPersonIsRefusedOnceOthersFilledTheTask() {
            fixture.given(IMPORTED, reserved(ALICE, T0), released(ALICE, ReleaseReason.EXPIRED), reserved(BOB, T0), reserved(CAROL, T0))
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, 3.0, ALICE))
                   .expectException(error(ReservationExpired.class, ErrorCode.RESERVATION_EXPIRED, "taskId"))
                   .expectNoEvents();
        }

        @Test
        void aPausedPersonCannotSubmit() {
            workflow = new ProjectWorkflow(workflow.settings(), Map.of(ALICE, "Reread the guide"), 10);
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, 3.0, ALICE))
                   .expectException(error(AnnotatorPausedHere.class, ErrorCode.PAUSED));
        }

        @Test
        void withoutAReservationAPersonAtTheLimitCannotSubmit() {
            settings(2, SkipQueue.REQUEUE_TO_OTHERS, new AnnotationLimit(LimitUnit.COUNT, 1));
            takenOn = 1;
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, 3.0, ALICE))
                   .expectException(error(LimitReached.class, ErrorCode.LIMIT_REACHED));
        }

        @Test
        void withAReservationThePersonSubmitsWhateverTheCount() {
            settings(2, SkipQueue.REQUEUE_TO_OTHERS, new AnnotationLimit(LimitUnit.COUNT, 1));
            takenOn = 1;
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, 3.0, ALICE))
                   .expectEvents(submitted(A1, ALICE), released(ALICE, ReleaseReason.SUBMITTED));
        }
    }

    @Nested
    class SkipQueueSetting {
        @Test
        void requeuedToOthersATaskDoesNotComeBackToTheSkipper() {
            fixture.given(IMPORTED, new TaskSkipped(TASK, PROJECT, ORG, ALICE))
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "taskId"));
        }

        @Test
        void requeuedToOthersASkipLeavesItsPlaceToOthers() {
            fixture.given(IMPORTED, new TaskSkipped(TASK, PROJECT, ORG, ALICE), reserved(BOB, T0))
                   .when(new ReserveTask(TASK, ORG, CAROL, T0))
                   .expectEvents(reserved(CAROL, T0));
        }

        @Test
        void requeuedToTheSkipperTheTaskComesBackToThem() {
            settings(2, SkipQueue.REQUEUE_TO_ME_LAST, null);
            fixture.given(IMPORTED, new TaskSkipped(TASK, PROJECT, ORG, ALICE))
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectEvents(reserved(ALICE, T0));
        }

        @Test
        void aProjectThatAsksForACommentRefusesASkipWithoutOneAndRecordsTheComment() {
            workflow = new ProjectWorkflow(workflow.settings().with(null, null, new ProjectSettings.Skipping(SkipQueue.REQUEUE_TO_OTHERS, true), null, null),
                    Map.of(), 10);
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new SkipTask(TASK, ORG, ALICE, "  "))
                   .expectException(error(io.labelledger.shared.ValidationFailed.class, ErrorCode.VALIDATION, "comment"))
                   .expectNoEvents();
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new SkipTask(TASK, ORG, ALICE, " Not English "))
                   .expectEvents(new TaskSkipped(TASK, PROJECT, ORG, ALICE, "Not English"), released(ALICE, ReleaseReason.SKIPPED));
        }

        @Test
        void ignoredASkipCountsAsDoneTowardsTheOverlap() {
            settings(2, SkipQueue.IGNORE, null);
            fixture.given(IMPORTED, new TaskSkipped(TASK, PROJECT, ORG, ALICE), reserved(BOB, T0))
                   .when(new ReserveTask(TASK, ORG, CAROL, T0))
                   .expectException(error(TaskFull.class, ErrorCode.TASK_FULL));
        }
    }

    @Nested
    class EmptyAnnotations {
        @Test
        void aProjectThatAllowsEmptyAnnotationsAcceptsAnEmptyResult() {
            workflow = new ProjectWorkflow(workflow.settings().with(null, null, null,
                    new ProjectSettings.Annotating(true, true, false, false, false), null), Map.of(), 10);
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, ORG, A1, json("[]"), 3.0, ALICE))
                   .expectEvents(new AnnotationSubmitted(TASK, PROJECT, ORG, A1, json("[]"), 3.0, ALICE, 1));
        }

        @Test
        void byDefaultAnEmptyResultIsRefused() {
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, ORG, A1, json("[]"), 3.0, ALICE))
                   .expectException(error(EmptyResult.class, ErrorCode.EMPTY_RESULT));
        }
    }

    @Nested
    class ReviewSettings {
        @Test
        void aProjectThatAsksForACommentRefusesARejectionWithoutOne() {
            workflow = new ProjectWorkflow(workflow.settings().with(null, null, null, null,
                    new ProjectSettings.Review("", ProjectSettings.OnReject.REQUEUE_TO_ANNOTATOR, true, false, true)), Map.of(), 10);
            fixture.given(IMPORTED, submitted(A1, ALICE))
                   .when(new io.labelledger.review.api.ReviewAnnotation(TASK, ORG, A1, io.labelledger.review.api.ReviewDecision.REJECTED, " ", BOB, null, null))
                   .expectException(error(io.labelledger.shared.ValidationFailed.class, ErrorCode.VALIDATION, "comment"));
            fixture.given(IMPORTED, submitted(A1, ALICE))
                   .when(new io.labelledger.review.api.ReviewAnnotation(TASK, ORG, A1, io.labelledger.review.api.ReviewDecision.REJECTED, "Wrong span", BOB, null, null))
                   .expectEvents(new io.labelledger.review.api.AnnotationReviewed(TASK, PROJECT, ORG, A1, io.labelledger.review.api.ReviewDecision.REJECTED,
                           "Wrong span", BOB));
        }
    }

    static io.labelledger.review.api.AnnotationReviewed rejected(AnnotationId annotation, UserId by) {
        return new io.labelledger.review.api.AnnotationReviewed(TASK, PROJECT, ORG, annotation,
                io.labelledger.review.api.ReviewDecision.REJECTED, "Wrong label", by);
    }

    void onReject(ProjectSettings.OnReject onReject) {
        workflow = new ProjectWorkflow(workflow.settings().with(null, null, null, null,
                new ProjectSettings.Review("", onReject, false, false, true)), Map.of(), 10);
    }

    /** What a rejection does to the task's place in the stream (Review settings, ADR 0042). */
    @Nested
    class OnRejection {
        @Test
        void requeuedToTheGeneralQueueARejectedAnnotationFreesItsPlace() {
            onReject(ProjectSettings.OnReject.REQUEUE_TO_GENERAL);
            fixture.given(IMPORTED, submitted(A1, ALICE), submitted(A2, BOB), rejected(A1, MANAGER))
                   .when(new ReserveTask(TASK, ORG, CAROL, T0))
                   .expectEvents(reserved(CAROL, T0));
        }

        @Test
        void requeuedToTheGeneralQueueTheRejectedAuthorDoesNotGetTheTaskAgain() {
            onReject(ProjectSettings.OnReject.REQUEUE_TO_GENERAL);
            fixture.given(IMPORTED, submitted(A1, ALICE), rejected(A1, MANAGER))
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectException(error(AlreadyAnnotated.class, ErrorCode.ALREADY_ANNOTATED));
        }

        @Test
        void anAcceptedAnnotationAfterTheRejectionFillsThePlaceAgain() {
            onReject(ProjectSettings.OnReject.REQUEUE_TO_GENERAL);
            fixture.given(IMPORTED, submitted(A1, ALICE), submitted(A2, BOB), rejected(A1, MANAGER),
                          new io.labelledger.review.api.AnnotationReviewed(TASK, PROJECT, ORG, A1,
                                  io.labelledger.review.api.ReviewDecision.ACCEPTED, null, MANAGER))
                   .when(new ReserveTask(TASK, ORG, CAROL, T0))
                   .expectException(error(TaskFull.class, ErrorCode.TASK_FULL));
        }

        @Test
        void requeuedToTheAnnotatorARejectedAnnotationKeepsItsPlace() {
            onReject(ProjectSettings.OnReject.REQUEUE_TO_ANNOTATOR);
            fixture.given(IMPORTED, submitted(A1, ALICE), submitted(A2, BOB), rejected(A1, MANAGER))
                   .when(new ReserveTask(TASK, ORG, CAROL, T0))
                   .expectException(error(TaskFull.class, ErrorCode.TASK_FULL));
        }

        @Test
        void markedOnlyARejectedAnnotationKeepsItsPlace() {
            onReject(ProjectSettings.OnReject.MARK_ONLY);
            fixture.given(IMPORTED, submitted(A1, ALICE), submitted(A2, BOB), rejected(A1, MANAGER))
                   .when(new ReserveTask(TASK, ORG, CAROL, T0))
                   .expectException(error(TaskFull.class, ErrorCode.TASK_FULL));
        }
    }

    /** The Annotating option "show Skip" (ADR 0042). */
    @Nested
    class ShowSkip {
        @Test
        void withoutSkipNobodySkipsAndTheReservationStays() {
            workflow = new ProjectWorkflow(workflow.settings().with(null, null, null,
                    new ProjectSettings.Annotating(false, false, false, false, false), null), Map.of(), 10);
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new SkipTask(TASK, ORG, ALICE, null))
                   .expectException(error(SkipTurnedOff.class, ErrorCode.FORBIDDEN, "taskId"))
                   .expectNoEvents();
        }

        @Test
        void withSkipShownASkipIsRecorded() {
            fixture.given(IMPORTED, reserved(ALICE, T0))
                   .when(new SkipTask(TASK, ORG, ALICE, null))
                   .expectEvents(new TaskSkipped(TASK, PROJECT, ORG, ALICE, null), released(ALICE, ReleaseReason.SKIPPED));
        }
    }

    static io.labelledger.task.api.TaskAssigned assigned(UserId who, io.labelledger.task.api.AssignmentKind kind) {
        return new io.labelledger.task.api.TaskAssigned(TASK, PROJECT, ORG, who, kind, MANAGER);
    }

    void manual(int overlap) {
        workflow = new ProjectWorkflow(workflow.settings().with(null,
                new Distribution(DistributionMode.MANUAL, overlap, null, MINUTES, Sampling.SEQUENTIAL, null), null, null, null), Map.of(), 10);
    }

    /** Manual distribution (ADR 0042): Managers assign tasks; the stream hands out only assigned ones. */
    @Nested
    class ManualDistribution {
        static final io.labelledger.task.api.AssignmentKind ANNOTATION = io.labelledger.task.api.AssignmentKind.ANNOTATION;
        static final io.labelledger.task.api.AssignmentKind REVIEW = io.labelledger.task.api.AssignmentKind.REVIEW;

        @Test
        void aManagerAssignsATaskOnceForEachKind() {
            fixture.given(IMPORTED)
                   .when(new io.labelledger.task.api.AssignTask(TASK, ORG, ALICE, ANNOTATION, MANAGER))
                   .expectEvents(assigned(ALICE, ANNOTATION))
                   .expectResultMessagePayload(true);
            fixture.given(IMPORTED, assigned(ALICE, ANNOTATION))
                   .when(new io.labelledger.task.api.AssignTask(TASK, ORG, ALICE, ANNOTATION, MANAGER))
                   .expectResultMessagePayload(false)
                   .expectNoEvents();
            fixture.given(IMPORTED, assigned(ALICE, ANNOTATION))
                   .when(new io.labelledger.task.api.AssignTask(TASK, ORG, ALICE, REVIEW, MANAGER))
                   .expectEvents(assigned(ALICE, REVIEW));
        }

        @Test
        void anAssignmentNamesSomebodyAndAKind() {
            fixture.given(IMPORTED)
                   .when(new io.labelledger.task.api.AssignTask(TASK, ORG, null, ANNOTATION, MANAGER))
                   .expectException(error(io.labelledger.shared.ValidationFailed.class, ErrorCode.VALIDATION, "userId"));
            fixture.given(IMPORTED)
                   .when(new io.labelledger.task.api.AssignTask(TASK, ORG, ALICE, null, MANAGER))
                   .expectException(error(io.labelledger.shared.ValidationFailed.class, ErrorCode.VALIDATION, "kind"));
        }

        @Test
        void anotherOrganizationDoesNotFindTheTask() {
            fixture.given(IMPORTED)
                   .when(new io.labelledger.task.api.AssignTask(TASK, new OrganizationId("org-2"), ALICE, ANNOTATION, MANAGER))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND));
        }

        @Test
        void unassigningReleasesTheAssigneesReservationAndKeepsTheirWork() {
            manual(1);
            fixture.given(IMPORTED, assigned(ALICE, ANNOTATION), reserved(ALICE, T0))
                   .when(new io.labelledger.task.api.UnassignTask(TASK, ORG, ALICE, ANNOTATION, MANAGER))
                   .expectEvents(new io.labelledger.task.api.TaskUnassigned(TASK, PROJECT, ORG, ALICE, ANNOTATION, MANAGER),
                           released(ALICE, ReleaseReason.UNASSIGNED));
            fixture.given(IMPORTED)
                   .when(new io.labelledger.task.api.UnassignTask(TASK, ORG, ALICE, ANNOTATION, MANAGER))
                   .expectResultMessagePayload(false)
                   .expectNoEvents();
        }

        @Test
        void onlyAnAssigneeReservesWhateverTheOverlap() {
            manual(1);
            fixture.given(IMPORTED, assigned(ALICE, ANNOTATION))
                   .when(new ReserveTask(TASK, ORG, BOB, T0))
                   .expectException(error(NotAssigned.class, ErrorCode.FORBIDDEN, "taskId"));
            fixture.given(IMPORTED, assigned(ALICE, ANNOTATION), assigned(BOB, ANNOTATION), submitted(A1, BOB))
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectEvents(reserved(ALICE, T0));
        }

        @Test
        void anUnassignedPersonIsRefusedAgain() {
            manual(1);
            fixture.given(IMPORTED, assigned(ALICE, ANNOTATION),
                          new io.labelledger.task.api.TaskUnassigned(TASK, PROJECT, ORG, ALICE, ANNOTATION, MANAGER))
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectException(error(NotAssigned.class, ErrorCode.FORBIDDEN));
        }
    }

    /** Deleting tasks (Data Manager bulk action, danger zone; ADR 0042). */
    @Nested
    class Deletion {
        final io.labelledger.task.api.TaskDeleted deleted = new io.labelledger.task.api.TaskDeleted(TASK, PROJECT, ORG, List.of(), MANAGER);

        @Test
        void aDeletedTaskIsDeletedOnce() {
            fixture.given(IMPORTED, submitted(A2, BOB), submitted(A1, ALICE))
                   .when(new io.labelledger.task.api.DeleteTask(TASK, ORG, MANAGER))
                   .expectEvents(new io.labelledger.task.api.TaskDeleted(TASK, PROJECT, ORG, List.of(A1, A2), MANAGER))
                   .expectResultMessagePayload(true);
            fixture.given(IMPORTED, deleted)
                   .when(new io.labelledger.task.api.DeleteTask(TASK, ORG, MANAGER))
                   .expectResultMessagePayload(false)
                   .expectNoEvents();
        }

        @Test
        void anotherOrganizationDoesNotFindTheTaskToDelete() {
            fixture.given(IMPORTED)
                   .when(new io.labelledger.task.api.DeleteTask(TASK, new OrganizationId("org-2"), MANAGER))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
        }

        @Test
        void aDeletedTaskTakesNoMoreWork() {
            fixture.given(IMPORTED, deleted)
                   .when(new ReserveTask(TASK, ORG, ALICE, T0))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
            fixture.given(IMPORTED, deleted)
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, 3.0, ALICE))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
            fixture.given(IMPORTED, deleted)
                   .when(new io.labelledger.task.api.AssignTask(TASK, ORG, ALICE, io.labelledger.task.api.AssignmentKind.ANNOTATION, MANAGER))
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
        }

        @Test
        void aReservationDeadlineOfADeletedTaskReleasesNothing() {
            fixture.given(IMPORTED)
                   .andGivenCurrentTime(T0)
                   .andGivenCommands(new ReserveTask(TASK, ORG, ALICE, T0), new io.labelledger.task.api.DeleteTask(TASK, ORG, MANAGER))
                   .whenThenTimeElapses(Duration.ofMinutes(MINUTES + 1))
                   .expectDeadlinesMet(new ReservationDue(ALICE, T0.plus(Duration.ofMinutes(MINUTES))))
                   .expectNoEvents();
        }
    }

    /** The review rules (issue 11, ADR 0048) for reviewers who do not run the project; Owners, Admins, Managers oversee. */
    @Nested
    class ReviewRules {
        static final UserId RITA = new UserId("rita");
        static final UserId SAM = new UserId("sam");

        io.labelledger.review.api.ReviewAnnotation accept(UserId by, boolean runsProject) {
            return new io.labelledger.review.api.ReviewAnnotation(TASK, ORG, A1, io.labelledger.review.api.ReviewDecision.ACCEPTED, null, by,
                    null, null, runsProject);
        }

        io.labelledger.review.api.AnnotationReviewed accepted(UserId by) {
            return new io.labelledger.review.api.AnnotationReviewed(TASK, PROJECT, ORG, A1, io.labelledger.review.api.ReviewDecision.ACCEPTED,
                    null, by);
        }

        @Test
        void aTaskAssignedToReviewersIsReviewedByThemOnly() {
            settings(1, SkipQueue.REQUEUE_TO_OTHERS, null);
            fixture.given(IMPORTED, submitted(A1, ALICE), assigned(RITA, io.labelledger.task.api.AssignmentKind.REVIEW))
                   .when(accept(SAM, false))
                   .expectException(error(NotAssigned.class, ErrorCode.FORBIDDEN, "taskId"))
                   .expectNoEvents();
            fixture.given(IMPORTED, submitted(A1, ALICE), assigned(RITA, io.labelledger.task.api.AssignmentKind.REVIEW))
                   .when(accept(RITA, false))
                   .expectEvents(accepted(RITA));
        }

        @Test
        void withAutoDistributionATaskAssignedToNoReviewerIsAnyReviewers() {
            settings(1, SkipQueue.REQUEUE_TO_OTHERS, null);
            fixture.given(IMPORTED, submitted(A1, ALICE))
                   .when(accept(SAM, false))
                   .expectEvents(accepted(SAM));
        }

        @Test
        void withManualDistributionAReviewerReviewsOnlyTasksAssignedToThem() {
            manual(1);
            fixture.given(IMPORTED, submitted(A1, ALICE))
                   .when(accept(SAM, false))
                   .expectException(error(NotAssigned.class, ErrorCode.FORBIDDEN, "taskId"));
            fixture.given(IMPORTED, submitted(A1, ALICE), assigned(SAM, io.labelledger.task.api.AssignmentKind.REVIEW))
                   .when(accept(SAM, false))
                   .expectEvents(accepted(SAM));
        }

        @Test
        void peopleWhoRunTheProjectReviewAnyTask() {
            manual(1);
            fixture.given(IMPORTED, submitted(A1, ALICE), assigned(RITA, io.labelledger.task.api.AssignmentKind.REVIEW))
                   .when(accept(MANAGER, true))
                   .expectEvents(accepted(MANAGER));
        }

        @Test
        void onlyTasksThatReachedTheirOverlapAreReviewedWhenTheProjectSaysSo() {
            ProjectSettings s = workflow.settings();
            workflow = new ProjectWorkflow(s.with(null, null, null, null,
                    new ProjectSettings.Review("", ProjectSettings.OnReject.MARK_ONLY, false, true, true)), Map.of(), 10);
            // overlap 2 (the set-up's), one annotation so far
            fixture.given(IMPORTED, submitted(A1, ALICE))
                   .when(accept(SAM, false))
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "taskId"));
            fixture.given(IMPORTED, submitted(A1, ALICE), submitted(A2, BOB))
                   .when(accept(SAM, false))
                   .expectEvents(accepted(SAM));
        }
    }
}
