package io.labelledger.task.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.InvalidResult;
import io.labelledger.project.config.LabelingConfigParser;
import io.labelledger.project.config.LabelingConfigs;
import io.labelledger.project.config.VersionedConfig;
import io.labelledger.review.api.AnnotationReviewed;
import io.labelledger.review.api.ReviewAnnotation;
import io.labelledger.review.api.ReviewDecision;
import io.labelledger.shared.Conflict;
import io.labelledger.shared.ValidationFailed;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.NotFound;
import io.labelledger.task.api.AnnotationDeleted;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.AnnotationUpdated;
import io.labelledger.task.api.DeleteAnnotation;
import io.labelledger.task.api.AddComment;
import io.labelledger.task.api.CommentAdded;
import io.labelledger.task.api.CommentDeleted;
import io.labelledger.task.api.CommentId;
import io.labelledger.task.api.CommentReopened;
import io.labelledger.task.api.CommentResolved;
import io.labelledger.task.api.DeleteComment;
import io.labelledger.task.api.ReopenComment;
import io.labelledger.task.api.ResolveComment;
import io.labelledger.task.api.DiscardDraft;
import io.labelledger.task.api.DraftDiscarded;
import io.labelledger.task.api.DraftSaved;
import io.labelledger.task.api.SaveDraft;
import io.labelledger.task.api.ImportId;
import io.labelledger.task.api.Prediction;
import io.labelledger.task.api.SkipTask;
import io.labelledger.task.api.SubmitAnnotation;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.TaskImported;
import io.labelledger.task.api.TaskSkipped;
import io.labelledger.task.api.UpdateAnnotation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static io.labelledger.review.api.ReviewDecision.ACCEPTED;
import static io.labelledger.review.api.ReviewDecision.REJECTED;
import static io.labelledger.testing.Configs.SENTIMENT;
import static io.labelledger.testing.DomainErrors.error;
import static io.labelledger.testing.Json.json;
import io.labelledger.task.api.GroundTruthChanged;
import io.labelledger.task.api.SetGroundTruth;

class TaskTest {
    static final TaskId TASK = new TaskId("task-1");
    static final ProjectId PROJECT = new ProjectId("project-1");
    static final OrganizationId ORG = new OrganizationId("org-1");
    static final OrganizationId OTHER_ORG = new OrganizationId("org-2");
    static final ImportId IMPORT = new ImportId("import-1");
    static final UserId MANAGER = new UserId("manager");
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final AnnotationId A1 = new AnnotationId("a-1");
    static final AnnotationId A2 = new AnnotationId("a-2");
    static final Double SEC_30 = 30.0;
    static final Double SEC_12 = 12.5;

    static final JsonNode POSITIVE = choices("Positive");
    static final JsonNode NEGATIVE = choices("Negative");

    static final TaskImported IMPORTED = new TaskImported(TASK, PROJECT, ORG, IMPORT, 1, json("{'text':'Great movie'}"),
            List.of(new Prediction("v1", 0.9, POSITIVE)), MANAGER);

    AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        LabelingConfigParser parser = new LabelingConfigParser();
        fixture.registerInjectableResource((LabelingConfigs) projectId -> {
            if (!projectId.equals(PROJECT)) throw new AssertionError("config asked for the wrong project: " + projectId);
            return new VersionedConfig(1, parser.parse(SENTIMENT));
        });
        fixture.registerInjectableResource((io.labelledger.project.config.ProjectWorkflows) projectId -> {
            if (!projectId.equals(PROJECT)) throw new AssertionError("workflow asked for the wrong project: " + projectId);
            return io.labelledger.project.config.ProjectWorkflow.DEFAULT;
        });
        fixture.registerInjectableResource((Workloads) (projectId, userId, except, at) -> 0);
    }

    static JsonNode choices(String... values) {
        StringBuilder list = new StringBuilder();
        for (String v : values) list.append(list.isEmpty() ? "" : ",").append('\'').append(v).append('\'');
        return json("[{'from_name':'sentiment','to_name':'text','type':'choices','value':{'choices':[" + list + "]}}]");
    }

    static AnnotationSubmitted submitted(AnnotationId id, UserId by, JsonNode result) {
        return new AnnotationSubmitted(TASK, PROJECT, ORG, id, result, SEC_30, by, 1);
    }

    @Nested
    class Submit {
        @Test
        void anAnnotationFittingTheConfigIsRecorded() {
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, SEC_30, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(submitted(A1, ALICE, POSITIVE));
        }

        @Test
        void anotherAnnotatorMayAnnotateTheSameTask() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new SubmitAnnotation(TASK, ORG, A2, NEGATIVE, SEC_30, BOB))
                   .expectEvents(submitted(A2, BOB, NEGATIVE));
        }

        @Test
        void aSecondAnnotationBySameAnnotatorIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new SubmitAnnotation(TASK, ORG, A2, NEGATIVE, SEC_30, ALICE))
                   .expectNoEvents()
                   .expectException(error(AlreadyAnnotated.class, ErrorCode.ALREADY_ANNOTATED, "taskId"));
        }

        @Test
        void anAnnotationIdCannotBeUsedTwice() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new SubmitAnnotation(TASK, ORG, A1, NEGATIVE, SEC_30, BOB))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "annotationId"));
        }

        /** Issue 9: the server accepted [] as a result. */
        @Test
        void anEmptyResultIsRefused() {
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, ORG, A1, json("[]"), SEC_30, ALICE))
                   .expectNoEvents()
                   .expectException(error(EmptyResult.class, ErrorCode.EMPTY_RESULT, "result"));
        }

        @Test
        void anUnknownChoiceIsRefused() {
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, ORG, A1, choices("Ecstatic"), SEC_30, ALICE))
                   .expectNoEvents()
                   .expectException(error(InvalidResult.class, ErrorCode.INVALID_RESULT, "result", "0", "value", "choices"));
        }

        @Test
        void twoChoicesOnASingleChoiceControlAreRefused() {
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, ORG, A1, choices("Positive", "Negative"), SEC_30, ALICE))
                   .expectNoEvents()
                   .expectException(error(InvalidResult.class, ErrorCode.INVALID_RESULT, "result", "0", "value", "choices"));
        }

        @Test
        void aResultFromAControlNotInTheConfigIsRefused() {
            JsonNode result = json("[{'from_name':'mood','to_name':'text','type':'choices','value':{'choices':['Positive']}}]");
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, ORG, A1, result, SEC_30, ALICE))
                   .expectNoEvents()
                   .expectException(error(InvalidResult.class, ErrorCode.INVALID_RESULT, "result", "0", "from_name"));
        }

        @Test
        void aResultThatIsNotAListIsRefused() {
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, ORG, A1, json("{'choices':['Positive']}"), SEC_30, ALICE))
                   .expectNoEvents()
                   .expectException(error(InvalidResult.class, ErrorCode.INVALID_RESULT, "result"));
        }

        @Test
        void anotherOrganizationsTaskIsNotFound() {
            fixture.given(IMPORTED)
                   .when(new SubmitAnnotation(TASK, OTHER_ORG, A1, POSITIVE, SEC_30, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
        }

        @Test
        void afterDeletingHisAnnotationTheAnnotatorMaySubmitAgain() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE))
                   .when(new SubmitAnnotation(TASK, ORG, A2, NEGATIVE, SEC_30, ALICE))
                   .expectEvents(submitted(A2, ALICE, NEGATIVE));
        }

        @Test
        void aDeletedAnnotationsIdIsNotReused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE))
                   .when(new SubmitAnnotation(TASK, ORG, A1, NEGATIVE, SEC_30, ALICE))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "annotationId"));
        }

        @Test
        void anAnnotatorWhoSkippedMayStillAnnotate() {
            fixture.given(IMPORTED, new TaskSkipped(TASK, PROJECT, ORG, ALICE))
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, SEC_30, ALICE))
                   .expectEvents(submitted(A1, ALICE, POSITIVE));
        }
    }

    @Nested
    class Update {
        @Test
        void theAuthorMayUpdateHisAnnotation() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new UpdateAnnotation(TASK, ORG, A1, NEGATIVE, SEC_12, ALICE))
                   .expectEvents(new AnnotationUpdated(TASK, PROJECT, ORG, A1, NEGATIVE, SEC_12, ALICE, 1));
        }

        @Test
        void anAnnotationMayBeUpdatedMoreThanOnce() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE),
                          new AnnotationUpdated(TASK, PROJECT, ORG, A1, NEGATIVE, SEC_12, ALICE, 1))
                   .when(new UpdateAnnotation(TASK, ORG, A1, POSITIVE, SEC_12, ALICE))
                   .expectEvents(new AnnotationUpdated(TASK, PROJECT, ORG, A1, POSITIVE, SEC_12, ALICE, 1));
        }

        /** Issue 9: an update to [] dropped every result and was accepted. */
        @Test
        void anUpdateToAnEmptyResultIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new UpdateAnnotation(TASK, ORG, A1, json("[]"), SEC_12, ALICE))
                   .expectNoEvents()
                   .expectException(error(EmptyResult.class, ErrorCode.EMPTY_RESULT, "result"));
        }

        @Test
        void someoneElseMayNotUpdateIt() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new UpdateAnnotation(TASK, ORG, A1, NEGATIVE, SEC_12, BOB))
                   .expectNoEvents()
                   .expectException(error(NotAuthor.class, ErrorCode.NOT_AUTHOR, "annotationId"));
        }

        @Test
        void anUnknownAnnotationIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new UpdateAnnotation(TASK, ORG, A2, NEGATIVE, SEC_12, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void aDeletedAnnotationIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE))
                   .when(new UpdateAnnotation(TASK, ORG, A1, NEGATIVE, SEC_12, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void aResultNotFittingTheConfigIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new UpdateAnnotation(TASK, ORG, A1, choices("Meh"), SEC_12, ALICE))
                   .expectNoEvents()
                   .expectException(error(InvalidResult.class, ErrorCode.INVALID_RESULT, "result", "0", "value", "choices"));
        }

        @Test
        void anotherOrganizationsTaskIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new UpdateAnnotation(TASK, OTHER_ORG, A1, NEGATIVE, SEC_12, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
        }
    }

    @Nested
    class Delete {
        @Test
        void theAuthorMayDeleteHisAnnotation() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new DeleteAnnotation(TASK, ORG, A1, ALICE))
                   .expectEvents(new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE));
        }

        @Test
        void someoneElseMayNotDeleteIt() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new DeleteAnnotation(TASK, ORG, A1, BOB))
                   .expectNoEvents()
                   .expectException(error(NotAuthor.class, ErrorCode.NOT_AUTHOR, "annotationId"));
        }

        @Test
        void anUnknownAnnotationIsNotFound() {
            fixture.given(IMPORTED)
                   .when(new DeleteAnnotation(TASK, ORG, A1, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void deletingTwiceFindsNothingTheSecondTime() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE))
                   .when(new DeleteAnnotation(TASK, ORG, A1, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void anotherOrganizationsTaskIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new DeleteAnnotation(TASK, OTHER_ORG, A1, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
        }
    }

    @Nested
    class Skip {
        @Test
        void skippingIsRecorded() {
            fixture.given(IMPORTED)
                   .when(new SkipTask(TASK, ORG, ALICE))
                   .expectEvents(new TaskSkipped(TASK, PROJECT, ORG, ALICE));
        }

        @Test
        void skippingTwiceRecordsNothingNew() {
            fixture.given(IMPORTED, new TaskSkipped(TASK, PROJECT, ORG, ALICE))
                   .when(new SkipTask(TASK, ORG, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anotherAnnotatorsSkipDoesNotCount() {
            fixture.given(IMPORTED, new TaskSkipped(TASK, PROJECT, ORG, BOB))
                   .when(new SkipTask(TASK, ORG, ALICE))
                   .expectEvents(new TaskSkipped(TASK, PROJECT, ORG, ALICE));
        }

        @Test
        void skippingAfterAnnotatingIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new SkipTask(TASK, ORG, ALICE))
                   .expectNoEvents()
                   .expectException(error(AlreadyAnnotated.class, ErrorCode.ALREADY_ANNOTATED, "taskId"));
        }

        @Test
        void skippingAgainAfterAnnotatingAndDeletingIsRecorded() {
            fixture.given(IMPORTED, new TaskSkipped(TASK, PROJECT, ORG, ALICE), submitted(A1, ALICE, POSITIVE),
                          new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE))
                   .when(new SkipTask(TASK, ORG, ALICE))
                   .expectEvents(new TaskSkipped(TASK, PROJECT, ORG, ALICE));
        }

        @Test
        void anotherOrganizationsTaskIsNotFound() {
            fixture.given(IMPORTED)
                   .when(new SkipTask(TASK, OTHER_ORG, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
        }
    }

    @Nested
    class Review {
        static final UserId REVIEWER = new UserId("reviewer");
        static final UserId OTHER_REVIEWER = new UserId("reviewer-2");

        static AnnotationReviewed reviewed(AnnotationId a, ReviewDecision decision, String comment, UserId by) {
            return new AnnotationReviewed(TASK, PROJECT, ORG, a, decision, comment, by);
        }

        @Test
        void aReviewerAcceptsSomeoneElsesAnnotation() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ACCEPTED, null, REVIEWER))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(reviewed(A1, ACCEPTED, null, REVIEWER));
        }

        @Test
        void theCommentIsTrimmedAndABlankOneIsNone() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, REJECTED, "  Wrong sentiment \n", REVIEWER))
                   .expectEvents(reviewed(A1, REJECTED, "Wrong sentiment", REVIEWER));
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ACCEPTED, "   ", REVIEWER))
                   .expectEvents(reviewed(A1, ACCEPTED, null, REVIEWER));
        }

        @Test
        void aCommentOfAtMost2000CharactersIsAcceptedALongerOneRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, REJECTED, "x".repeat(2_000), REVIEWER))
                   .expectEvents(reviewed(A1, REJECTED, "x".repeat(2_000), REVIEWER));
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, REJECTED, "x".repeat(2_001), REVIEWER))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "comment"));
        }

        @Test
        void aDecisionIsRequired() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, null, null, REVIEWER))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "decision"));
        }

        @Test
        void nobodyReviewsTheirOwnAnnotation() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ACCEPTED, null, ALICE))
                   .expectNoEvents()
                   .expectException(error(OwnAnnotation.class, ErrorCode.FORBIDDEN, "annotationId"));
        }

        @Test
        void anUnknownAnnotationIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A2, ACCEPTED, null, REVIEWER))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void aDeletedAnnotationIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ACCEPTED, null, REVIEWER))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void anotherOrganizationsTaskIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, OTHER_ORG, A1, ACCEPTED, null, REVIEWER))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
        }

        @Test
        void theSameReviewerRepeatingTheSameVerdictRecordsNothing() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), reviewed(A1, REJECTED, "Wrong", REVIEWER))
                   .when(new ReviewAnnotation(TASK, ORG, A1, REJECTED, " Wrong ", REVIEWER))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aLaterDecisionReplacesTheEarlierOne() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), reviewed(A1, REJECTED, "Wrong", REVIEWER))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ACCEPTED, null, REVIEWER))
                   .expectEvents(reviewed(A1, ACCEPTED, null, REVIEWER));
        }

        @Test
        void aNewCommentWithTheSameDecisionIsRecorded() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), reviewed(A1, REJECTED, "Wrong", REVIEWER))
                   .when(new ReviewAnnotation(TASK, ORG, A1, REJECTED, "Wrong: it is Negative", REVIEWER))
                   .expectEvents(reviewed(A1, REJECTED, "Wrong: it is Negative", REVIEWER));
        }

        @Test
        void anotherReviewerTheSameVerdictIsRecorded() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), reviewed(A1, ACCEPTED, null, REVIEWER))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ACCEPTED, null, OTHER_REVIEWER))
                   .expectEvents(reviewed(A1, ACCEPTED, null, OTHER_REVIEWER));
        }

        @Test
        void theAuthorFixesARejectedAnnotationAndTheSameVerdictCountsAgain() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), reviewed(A1, REJECTED, "Wrong", REVIEWER),
                          new AnnotationUpdated(TASK, PROJECT, ORG, A1, NEGATIVE, SEC_12, ALICE, 1))
                   .when(new ReviewAnnotation(TASK, ORG, A1, REJECTED, "Wrong", REVIEWER))
                   .expectEvents(reviewed(A1, REJECTED, "Wrong", REVIEWER));
        }

        @Test
        void theAuthorMayUpdateARejectedAnnotation() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), reviewed(A1, REJECTED, "Wrong", REVIEWER))
                   .when(new UpdateAnnotation(TASK, ORG, A1, NEGATIVE, SEC_12, ALICE))
                   .expectEvents(new AnnotationUpdated(TASK, PROJECT, ORG, A1, NEGATIVE, SEC_12, ALICE, 1));
        }

        @Test
        void aReviewerMayAlsoAnnotateAndReviewOthers() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), submitted(A2, BOB, NEGATIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ACCEPTED, null, BOB))
                   .expectEvents(reviewed(A1, ACCEPTED, null, BOB));
        }
    }

    @Nested
    class GroundTruth {
        static GroundTruthChanged marked(AnnotationId id, AnnotationId replaced) {
            return new GroundTruthChanged(TASK, PROJECT, ORG, id, true, replaced, MANAGER);
        }

        @Test
        void aLiveAnnotationBecomesGroundTruth() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new SetGroundTruth(TASK, ORG, A1, true, MANAGER))
                   .expectEvents(marked(A1, null));
        }

        @Test
        void markingAnotherAnnotationMovesTheMarkAndNamesTheOneThatLostIt() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), submitted(A2, BOB, NEGATIVE), marked(A1, null))
                   .when(new SetGroundTruth(TASK, ORG, A2, true, MANAGER))
                   .expectEvents(marked(A2, A1));
        }

        @Test
        void theMarkCanBeTakenAway() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), marked(A1, null))
                   .when(new SetGroundTruth(TASK, ORG, A1, false, MANAGER))
                   .expectEvents(new GroundTruthChanged(TASK, PROJECT, ORG, A1, false, null, MANAGER));
        }

        @Test
        void markingTheGroundTruthAgainRecordsNothing() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), marked(A1, null))
                   .when(new SetGroundTruth(TASK, ORG, A1, true, MANAGER))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void unmarkingAnAnnotationThatIsNotGroundTruthRecordsNothing() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), submitted(A2, BOB, NEGATIVE), marked(A1, null))
                   .when(new SetGroundTruth(TASK, ORG, A2, false, MANAGER))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aDeletedAnnotationIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE))
                   .when(new SetGroundTruth(TASK, ORG, A1, true, MANAGER))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void anUnknownAnnotationIsNotFound() {
            fixture.given(IMPORTED)
                   .when(new SetGroundTruth(TASK, ORG, A1, true, MANAGER))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void deletingTheGroundTruthClearsIt() {
            // after the deletion no annotation holds the mark: the next one marked replaces nothing
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), submitted(A2, BOB, NEGATIVE), marked(A1, null),
                          new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE))
                   .when(new SetGroundTruth(TASK, ORG, A2, true, MANAGER))
                   .expectEvents(marked(A2, null));
        }

        @Test
        void anotherOrganizationsTaskIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new SetGroundTruth(TASK, OTHER_ORG, A1, true, MANAGER))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
        }
    }

    @Nested
    class Drafts {
        static DraftSaved draft(UserId by, JsonNode result) {
            return new DraftSaved(TASK, PROJECT, ORG, result, SEC_12, by);
        }

        @Test
        void aDraftIsSavedWithoutCheckingItAgainstTheConfig() {
            // work in progress: a label the config does not know is kept as it is
            JsonNode unfinished = choices("Undecided");
            fixture.given(IMPORTED)
                   .when(new SaveDraft(TASK, ORG, unfinished, SEC_12, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(draft(ALICE, unfinished));
        }

        @Test
        void savingTheSameContentAgainRecordsNothing() {
            fixture.given(IMPORTED, draft(ALICE, POSITIVE))
                   .when(new SaveDraft(TASK, ORG, choices("Positive"), 99.0, ALICE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aChangedDraftReplacesTheEarlierOne() {
            fixture.given(IMPORTED, draft(ALICE, POSITIVE))
                   .when(new SaveDraft(TASK, ORG, NEGATIVE, SEC_12, ALICE))
                   .expectEvents(draft(ALICE, NEGATIVE));
        }

        @Test
        void eachPersonHasTheirOwnDraft() {
            fixture.given(IMPORTED, draft(ALICE, POSITIVE))
                   .when(new SaveDraft(TASK, ORG, POSITIVE, SEC_12, BOB))
                   .expectEvents(draft(BOB, POSITIVE));
        }

        @Test
        void aDraftLargerThanTheLimitIsRefused() {
            JsonNode huge = json("[{'from_name':'notes','to_name':'text','type':'textarea','value':{'text':['"
                    + "x".repeat(SaveDraft.MAX_RESULT_CHARS) + "']}}]");
            fixture.given(IMPORTED)
                   .when(new SaveDraft(TASK, ORG, huge, SEC_12, ALICE))
                   .expectNoEvents()
                   .expectException(error(DraftTooLarge.class, ErrorCode.DRAFT_TOO_LARGE, "result"));
        }

        @Test
        void aDraftIsAList() {
            fixture.given(IMPORTED)
                   .when(new SaveDraft(TASK, ORG, json("{'choices':['Positive']}"), SEC_12, ALICE))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "result"));
        }

        @Test
        void discardingDropsTheCallersDraft() {
            fixture.given(IMPORTED, draft(ALICE, POSITIVE), draft(BOB, NEGATIVE))
                   .when(new DiscardDraft(TASK, ORG, ALICE))
                   .expectEvents(new DraftDiscarded(TASK, PROJECT, ORG, ALICE, null));
        }

        @Test
        void discardingWithoutADraftRecordsNothing() {
            fixture.given(IMPORTED, draft(BOB, NEGATIVE), new DraftDiscarded(TASK, PROJECT, ORG, BOB, null))
                   .when(new DiscardDraft(TASK, ORG, BOB))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aDraftSavedAfterADiscardIsRecordedEvenWithTheSameContent() {
            fixture.given(IMPORTED, draft(ALICE, POSITIVE), new DraftDiscarded(TASK, PROJECT, ORG, ALICE, null))
                   .when(new SaveDraft(TASK, ORG, POSITIVE, SEC_12, ALICE))
                   .expectEvents(draft(ALICE, POSITIVE));
        }

        @Test
        void submittingDiscardsTheAuthorsDraftInTheSameCommand() {
            fixture.given(IMPORTED, draft(ALICE, NEGATIVE), draft(BOB, NEGATIVE))
                   .when(new SubmitAnnotation(TASK, ORG, A1, POSITIVE, SEC_30, ALICE))
                   .expectEvents(submitted(A1, ALICE, POSITIVE), new DraftDiscarded(TASK, PROJECT, ORG, ALICE, A1));
        }

        @Test
        void updatingDiscardsTheAuthorsDraftInTheSameCommand() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), draft(ALICE, NEGATIVE))
                   .when(new UpdateAnnotation(TASK, ORG, A1, NEGATIVE, SEC_30, ALICE))
                   .expectEvents(new AnnotationUpdated(TASK, PROJECT, ORG, A1, NEGATIVE, SEC_30, ALICE, 1),
                                 new DraftDiscarded(TASK, PROJECT, ORG, ALICE, A1));
        }

        @Test
        void aRefusedSubmitKeepsTheDraft() {
            fixture.given(IMPORTED, draft(ALICE, choices("Undecided")))
                   .when(new SubmitAnnotation(TASK, ORG, A1, choices("Undecided"), SEC_30, ALICE))
                   .expectNoEvents()
                   .expectException(InvalidResult.class);
        }

        @Test
        void anotherOrganizationsTaskIsNotFound() {
            fixture.given(IMPORTED)
                   .when(new SaveDraft(TASK, OTHER_ORG, POSITIVE, SEC_12, ALICE))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "taskId"));
        }
    }

    @Nested
    class Comments {
        static final CommentId C1 = new CommentId("c-1");
        static final CommentId C2 = new CommentId("c-2");

        static CommentAdded added(CommentId id, AnnotationId on, String region, CommentId parent, String text, UserId by) {
            return new CommentAdded(TASK, PROJECT, ORG, id, on, region, parent, text, by);
        }

        @Test
        void aCommentOnARegionOfALiveAnnotationIsRecordedTrimmed() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new AddComment(TASK, ORG, C1, A1, "r1", null, "  Is this right?  ", BOB, false))
                   .expectEvents(added(C1, A1, "r1", null, "Is this right?", BOB));
        }

        @Test
        void aReplyAnswersACommentOfTheSameAnnotationEvenADeletedOne() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB),
                          new CommentDeleted(TASK, PROJECT, ORG, C1, A1, BOB))
                   .when(new AddComment(TASK, ORG, C2, A1, null, C1, "Because", ALICE, false))
                   .expectEvents(added(C2, A1, null, C1, "Because", ALICE));
        }

        @Test
        void aReplyToACommentOfAnotherAnnotationIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), submitted(A2, BOB, NEGATIVE), added(C1, A1, null, null, "Why?", BOB))
                   .when(new AddComment(TASK, ORG, C2, A2, null, C1, "Elsewhere", ALICE, false))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "parentId"));
        }

        @Test
        void aReplyToAnUnknownCommentIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new AddComment(TASK, ORG, C2, A1, null, C1, "Hm", ALICE, false))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "parentId"));
        }

        @Test
        void anEmptyTextIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new AddComment(TASK, ORG, C1, A1, null, null, "   ", BOB, false))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "text"));
        }

        @Test
        void anOverlongTextIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new AddComment(TASK, ORG, C1, A1, null, null, "x".repeat(AddComment.MAX_TEXT + 1), BOB, false))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "text"));
        }

        @Test
        void aCommentOnADeletedAnnotationIsNotFound() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), new AnnotationDeleted(TASK, PROJECT, ORG, A1, ALICE))
                   .when(new AddComment(TASK, ORG, C1, A1, null, null, "Hello", BOB, false))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void aCommentIdCannotBeUsedTwice() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB))
                   .when(new AddComment(TASK, ORG, C1, A1, null, null, "Again", ALICE, false))
                   .expectNoEvents()
                   .expectException(error(Conflict.class, ErrorCode.CONFLICT, "commentId"));
        }

        @Test
        void theAuthorResolves() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB))
                   .when(new ResolveComment(TASK, ORG, C1, BOB, false, false))
                   .expectEvents(new CommentResolved(TASK, PROJECT, ORG, C1, A1, BOB));
        }

        @Test
        void theAuthorReopens() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB),
                          new CommentResolved(TASK, PROJECT, ORG, C1, A1, BOB))
                   .when(new ReopenComment(TASK, ORG, C1, BOB, false, false))
                   .expectEvents(new CommentReopened(TASK, PROJECT, ORG, C1, A1, BOB));
        }

        @Test
        void resolvingTwiceRecordsNothing() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB),
                          new CommentResolved(TASK, PROJECT, ORG, C1, A1, BOB))
                   .when(new ResolveComment(TASK, ORG, C1, BOB, false, false))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void someoneElseMayNotResolve() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB))
                   .when(new ResolveComment(TASK, ORG, C1, ALICE, false, false))
                   .expectNoEvents()
                   .expectException(error(NotCommentAuthor.class, ErrorCode.FORBIDDEN, "commentId"));
        }

        @Test
        void someoneElseMayNotDelete() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB))
                   .when(new DeleteComment(TASK, ORG, C1, ALICE, false, false))
                   .expectNoEvents()
                   .expectException(error(NotCommentAuthor.class, ErrorCode.FORBIDDEN, "commentId"));
        }

        @Test
        void aModeratorResolvesAnyComment() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB))
                   .when(new ResolveComment(TASK, ORG, C1, MANAGER, true, false))
                   .expectEvents(new CommentResolved(TASK, PROJECT, ORG, C1, A1, MANAGER));
        }

        @Test
        void aModeratorDeletesAnyComment() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB))
                   .when(new DeleteComment(TASK, ORG, C1, MANAGER, true, false))
                   .expectEvents(new CommentDeleted(TASK, PROJECT, ORG, C1, A1, MANAGER));
        }

        @Test
        void blindAnotherPersonsAnnotationIsNotFoundForAComment() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new AddComment(TASK, ORG, C1, A1, null, null, "Hello", BOB, true))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "annotationId"));
        }

        @Test
        void blindOnesOwnAnnotationTakesComments() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new AddComment(TASK, ORG, C1, A1, null, null, "Note to self", ALICE, true))
                   .expectEvents(added(C1, A1, null, null, "Note to self", ALICE));
        }

        @Test
        void blindOnesOwnCommentOnAnotherPersonsAnnotationIsNotFound() {
            // written while the project showed everyone's annotations; since then the annotator sees only their own
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB))
                   .when(new ResolveComment(TASK, ORG, C1, BOB, false, true))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "commentId"));
        }

        @Test
        void blindACommentOnAnotherPersonsAnnotationCannotBeDeleted() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB))
                   .when(new DeleteComment(TASK, ORG, C1, BOB, false, true))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "commentId"));
        }

        @Test
        void aDeletedCommentCannotBeResolved() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE), added(C1, A1, null, null, "Why?", BOB),
                          new CommentDeleted(TASK, PROJECT, ORG, C1, A1, BOB))
                   .when(new ResolveComment(TASK, ORG, C1, BOB, false, false))
                   .expectNoEvents()
                   .expectException(error(NotFound.class, ErrorCode.NOT_FOUND, "commentId"));
        }
    }

    @Nested
    class FixAndAccept {
        @Test
        void theCorrectionIsANewVersionByTheReviewerAndIsAccepted() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ReviewDecision.FIX_AND_ACCEPT, "Fixed", BOB, NEGATIVE, SEC_12))
                   .expectEvents(new AnnotationUpdated(TASK, PROJECT, ORG, A1, NEGATIVE, SEC_12, BOB, 1),
                                 new AnnotationReviewed(TASK, PROJECT, ORG, A1, ACCEPTED, "Fixed", BOB));
        }

        @Test
        void aFixNeedsAResult() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ReviewDecision.FIX_AND_ACCEPT, null, BOB))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "result"));
        }

        @Test
        void anInvalidCorrectionIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ReviewDecision.FIX_AND_ACCEPT, null, BOB, choices("Undecided"), null))
                   .expectNoEvents()
                   .expectException(InvalidResult.class);
        }

        @Test
        void nobodyFixesTheirOwnAnnotation() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ReviewDecision.FIX_AND_ACCEPT, null, ALICE, NEGATIVE, null))
                   .expectNoEvents()
                   .expectException(error(OwnAnnotation.class, ErrorCode.FORBIDDEN, "annotationId"));
        }

        @Test
        void acceptingWithAResultIsRefused() {
            fixture.given(IMPORTED, submitted(A1, ALICE, POSITIVE))
                   .when(new ReviewAnnotation(TASK, ORG, A1, ACCEPTED, null, BOB, NEGATIVE, null))
                   .expectNoEvents()
                   .expectException(error(ValidationFailed.class, ErrorCode.VALIDATION, "result"));
        }
    }

    /** Predictions added after the import, by integer id (Label Studio's REST API, ADR 0050). */
    @Nested
    class Predictions {
        final Prediction later = new Prediction("v2", 0.4, NEGATIVE, 902L);

        @Test
        void aPredictionFittingTheConfigIsAdded() {
            fixture.given(IMPORTED)
                   .when(new io.labelledger.task.api.AddPredictions(TASK, ORG, List.of(later), MANAGER))
                   .expectSuccessfulHandlerExecution()
                   .expectResultMessagePayload(List.of(902L))
                   .expectEvents(new io.labelledger.task.api.PredictionsAdded(TASK, PROJECT, ORG, List.of(later), MANAGER));
        }

        @Test
        void aPredictionThatDoesNotFitTheConfigIsRefused() {
            fixture.given(IMPORTED)
                   .when(new io.labelledger.task.api.AddPredictions(TASK, ORG, List.of(new Prediction("v2", 0.4, choices("Maybe"), 903L)), MANAGER))
                   .expectNoEvents()
                   .expectException(InvalidResult.class);
        }

        @Test
        void anotherOrganizationsTaskIsNotFound() {
            fixture.given(IMPORTED)
                   .when(new io.labelledger.task.api.AddPredictions(TASK, OTHER_ORG, List.of(later), MANAGER))
                   .expectNoEvents()
                   .expectException(io.labelledger.shared.NotFound.class);
        }

        @Test
        void anAddedPredictionIsDeleted() {
            fixture.given(IMPORTED, new io.labelledger.task.api.PredictionsAdded(TASK, PROJECT, ORG, List.of(later), MANAGER))
                   .when(new io.labelledger.task.api.DeletePrediction(TASK, ORG, 902L, MANAGER))
                   .expectEvents(new io.labelledger.task.api.PredictionDeleted(TASK, PROJECT, ORG, 902L, MANAGER));
        }

        @Test
        void aDeletedPredictionIsNotFound() {
            fixture.given(IMPORTED, new io.labelledger.task.api.PredictionsAdded(TASK, PROJECT, ORG, List.of(later), MANAGER),
                          new io.labelledger.task.api.PredictionDeleted(TASK, PROJECT, ORG, 902L, MANAGER))
                   .when(new io.labelledger.task.api.DeletePrediction(TASK, ORG, 902L, MANAGER))
                   .expectNoEvents()
                   .expectException(io.labelledger.shared.NotFound.class);
        }

        @Test
        void anImportedPredictionWithAnIntegerIdCanBeDeleted() {
            fixture.given(new TaskImported(TASK, PROJECT, ORG, IMPORT, 1, json("{'text':'Great movie'}"),
                                  List.of(new Prediction("v1", 0.9, POSITIVE, 901L)), MANAGER, 900L))
                   .when(new io.labelledger.task.api.DeletePrediction(TASK, ORG, 901L, MANAGER))
                   .expectEvents(new io.labelledger.task.api.PredictionDeleted(TASK, PROJECT, ORG, 901L, MANAGER));
        }
    }
}
