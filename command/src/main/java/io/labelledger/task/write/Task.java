package io.labelledger.task.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.LabelingConfigs;
import io.labelledger.project.config.ResultValidator;
import io.labelledger.project.config.VersionedConfig;
import io.labelledger.review.api.AnnotationReviewed;
import io.labelledger.review.api.ReviewAnnotation;
import io.labelledger.review.api.ReviewDecision;
import io.labelledger.shared.Conflict;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import io.labelledger.task.api.AnnotationDeleted;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.AnnotationImported;
import io.labelledger.task.api.ImportedAnnotation;
import io.labelledger.task.api.AnnotationSubmitted;
import io.labelledger.task.api.AnnotationUpdated;
import io.labelledger.task.api.DeleteAnnotation;
import io.labelledger.task.api.AddComment;
import io.labelledger.task.api.AddPredictions;
import io.labelledger.task.api.DeletePrediction;
import io.labelledger.task.api.Prediction;
import io.labelledger.task.api.PredictionDeleted;
import io.labelledger.task.api.PredictionsAdded;
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
import io.labelledger.task.api.GroundTruthChanged;
import io.labelledger.task.api.ImportId;
import io.labelledger.task.api.NewTask;
import io.labelledger.task.api.SetGroundTruth;
import io.labelledger.task.api.SkipTask;
import io.labelledger.task.api.SubmitAnnotation;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.api.TaskImported;
import io.labelledger.task.api.TaskSkipped;
import io.labelledger.task.api.UpdateAnnotation;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.config.ProjectWorkflow;
import io.labelledger.project.config.ProjectWorkflows;
import io.labelledger.task.api.ReleaseReason;
import io.labelledger.task.api.ReservationReleased;
import io.labelledger.task.api.ReserveTask;
import io.labelledger.task.api.AssignTask;
import io.labelledger.task.api.AssignmentKind;
import io.labelledger.task.api.TaskAssigned;
import io.labelledger.task.api.TaskUnassigned;
import io.labelledger.task.api.UnassignTask;
import io.labelledger.task.api.DeleteTask;
import io.labelledger.task.api.TaskDeleted;
import io.labelledger.task.api.TaskReserved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One task and who did what on it. Rules: an annotator holds at most one live annotation per task; only its author
 * changes or deletes an annotation; results must fit the project's labeling config; nobody reviews their own annotation,
 * and a change by the author makes an annotation pending review again; at most one live annotation is the task's
 * ground truth (ADR 0022); each person has at most one live draft, which their submit or update discards (ADR 0032);
 * an annotation is not empty (its result is not {@code []}, ADR 0030) unless the project allows it. The label stream
 * (ADR 0036): a reservation is handed out only while annotations, ignored skips and live reservations stay below the
 * task's overlap, never twice to one person, never to a paused person or one at the limit; a submit or skip releases
 * it, a persisted deadline expires it. Skipping only where the project shows Skip; a rejected annotation frees its
 * place when rejections requeue to the general queue (ADR 0042). Concurrent commands on one task
 * are serialized by the event store's (aggregate, sequence) key.
 */
@Aggregate
public class Task {
    @AggregateIdentifier
    private TaskId id;
    private ProjectId projectId;
    private OrganizationId organizationId;
    /** deleted tasks take no command: they are "not found" (their events stay) */
    private boolean deleted;
    /** the task's number in its project: which tasks get overlap depends on it */
    private long number;
    /** live reservations: who holds the task until when (expired ones stay until released, but no longer count) */
    private final Map<UserId, Instant> reservations = new HashMap<>();
    /** people whose reservation expired (a late submit is refused when others have filled the task meanwhile) */
    private final Set<UserId> expiredFor = new HashSet<>();
    /** the task's data: span offsets of results are checked against its text */
    private JsonNode data;
    /** live (not deleted) annotations and their authors */
    private final Map<AnnotationId, UserId> annotations = new HashMap<>();
    private final Set<AnnotationId> everUsedIds = new HashSet<>();
    private final Set<UserId> skippedBy = new HashSet<>();
    /** manual distribution: who is assigned the task, for annotation and for review */
    private final Map<AssignmentKind, Set<UserId>> assigned = new java.util.EnumMap<>(AssignmentKind.class);
    /** the latest review of each live annotation since its last change (none: pending review) */
    private final Map<AnnotationId, Review> reviews = new HashMap<>();
    /** the live annotation marked as ground truth, or null */
    private AnnotationId groundTruth;
    /** each person's live draft (its result): one per person, ADR 0032 */
    private final Map<UserId, JsonNode> drafts = new HashMap<>();
    /** the integer ids of the task's live predictions (those imported before ADR 0050 have none) */
    private final Set<Long> predictionIds = new HashSet<>();
    /** every comment ever added (a deleted one keeps its place in its thread), ADR 0032 */
    private final Map<CommentId, Comment> comments = new HashMap<>();

    private record Comment(AnnotationId annotationId, UserId author, boolean resolved, boolean deleted) {
        Comment withResolved(boolean value) { return new Comment(annotationId, author, value, deleted); }
        Comment asDeleted() { return new Comment(annotationId, author, resolved, true); }
    }

    private record Review(UserId by, ReviewDecision decision, String comment) {}

    protected Task() {}

    /** Created by the import handler, many per unit of work. */
    /** {@code authors}: the members Label Studio's completed_by named, by annotation (others: the importer, ADR 0030). */
    public Task(NewTask task, ProjectId projectId, OrganizationId organizationId, ImportId importId, long number, UserId by,
                int configVersion, Map<AnnotationId, UserId> authors) {
        apply(new TaskImported(task.taskId(), projectId, organizationId, importId, number, task.data(), task.predictions(), by, task.intId()));
        for (ImportedAnnotation a : task.annotations()) {
            apply(new AnnotationImported(task.taskId(), projectId, organizationId, a.annotationId(), importId, a.result(),
                    a.leadTimeSeconds(), by, configVersion, authors.get(a.annotationId()), a.intId()));
        }
        // Label Studio may mark several annotations of a task; one is kept: the last one marked (ADR 0022)
        task.annotations().stream().filter(ImportedAnnotation::groundTruth).reduce((first, second) -> second).ifPresent(a ->
                apply(new GroundTruthChanged(task.taskId(), projectId, organizationId, a.annotationId(), true, null, by)));
    }

    /**
     * The label stream's hand-out. Stale reservations (past their expiry at {@code cmd.at()}) free their slot here even
     * before their deadline has fired, and are released on the way.
     *
     * @return when the reservation expires
     */
    @CommandHandler
    Instant handle(ReserveTask cmd, ProjectWorkflows workflows, Workloads workloads, DeadlineManager deadlines) {
        requireOrganization(cmd.organizationId());
        if (cmd.at() == null) throw new ValidationFailed("at", "A reservation starts at a time");
        ProjectWorkflow workflow = workflows.workflow(projectId);
        ProjectSettings settings = workflow.settings();
        requireNotPaused(workflow, cmd.by());
        if (annotations.containsValue(cmd.by())) throw new AlreadyAnnotated();
        Instant held = reservations.get(cmd.by());
        if (held != null && held.isAfter(cmd.at())) throw new AlreadyReserved();
        if (skippedBy.contains(cmd.by()) && settings.skipping().queue() != ProjectSettings.SkipQueue.REQUEUE_TO_ME_LAST) {
            throw new Conflict("taskId", "You skipped this task");
        }
        long others = reservations.entrySet().stream()
                                  .filter(r -> !r.getKey().equals(cmd.by()) && r.getValue().isAfter(cmd.at())).count();
        if (settings.distribution().mode() == ProjectSettings.DistributionMode.MANUAL) {
            // manual distribution: the Manager's assignment decides who labels the task, not the overlap (ADR 0042)
            if (!assigned.getOrDefault(AssignmentKind.ANNOTATION, Set.of()).contains(cmd.by())) throw new NotAssigned();
        } else if (filledSlots(settings) + others >= settings.distribution().overlapOf(number)) {
            throw new TaskFull();
        }
        var limit = settings.distribution().limit();
        if (limit != null && workloads.takenOn(projectId, cmd.by(), id, cmd.at()) >= limit.tasksFor(workflow.taskCount())) {
            throw new LimitReached();
        }
        reservations.entrySet().stream().filter(r -> !r.getValue().isAfter(cmd.at())).map(Map.Entry::getKey).toList()
                    .forEach(stale -> apply(new ReservationReleased(id, projectId, organizationId, stale, ReleaseReason.EXPIRED)));
        Instant expiresAt = cmd.at().plus(java.time.Duration.ofMinutes(settings.distribution().reservationMinutes()));
        apply(new TaskReserved(id, projectId, organizationId, cmd.by(), expiresAt));
        deadlines.schedule(expiresAt, RESERVATION_DEADLINE, new ReservationDue(cmd.by(), expiresAt));
        return expiresAt;
    }

    static final String RESERVATION_DEADLINE = "reservation-expiry";

    /** Deleting a deleted task records nothing (a bulk job may run again over the same tasks, ADR 0042). */
    /**
     * Predictions added after the import (ADR 0050): each result fits the project's labeling config, as at the import.
     * @return their integer ids, in order
     */
    @CommandHandler
    java.util.List<Long> handle(AddPredictions cmd, LabelingConfigs configs) {
        requireOrganization(cmd.organizationId());
        if (cmd.predictions().isEmpty()) throw new ValidationFailed("predictions", "Give at least one prediction");
        VersionedConfig config = configs.versioned(projectId);
        for (int i = 0; i < cmd.predictions().size(); i++) {
            Prediction p = cmd.predictions().get(i);
            if (p.result() == null || !p.result().isArray()) {
                throw new ValidationFailed("predictions[" + i + "].result", "A prediction's result is a list of result items");
            }
            if (p.score() != null && (p.score().isNaN() || p.score().isInfinite())) {
                throw new ValidationFailed("predictions[" + i + "].score", "A score is a finite number");
            }
            ResultValidator.validate(config.config(), p.result(), "predictions[" + i + "].result", data);
        }
        apply(new PredictionsAdded(id, projectId, organizationId, cmd.predictions(), cmd.by()));
        return cmd.predictions().stream().map(Prediction::intId).toList();
    }

    @CommandHandler
    void handle(DeletePrediction cmd) {
        requireOrganization(cmd.organizationId());
        if (!predictionIds.contains(cmd.predictionId())) throw new NotFound("Prediction", "predictionId");
        apply(new PredictionDeleted(id, projectId, organizationId, cmd.predictionId(), cmd.by()));
    }

    @CommandHandler
    boolean handle(DeleteTask cmd) {
        if (!organizationId.equals(cmd.organizationId())) throw new NotFound("Task", "taskId");
        if (deleted) return false;
        apply(new TaskDeleted(id, projectId, organizationId, annotations.keySet().stream().sorted(java.util.Comparator.comparing(AnnotationId::value)).toList(),
                cmd.by()));
        return true;
    }

    /**
     * Manual distribution (ADR 0042): idempotent per task and person, so a bulk job may run again over the same tasks.
     *
     * @return whether anything changed
     */
    @CommandHandler
    boolean handle(AssignTask cmd) {
        requireOrganization(cmd.organizationId());
        requireAssignment(cmd.assignee(), cmd.kind());
        if (assigned.getOrDefault(cmd.kind(), Set.of()).contains(cmd.assignee())) return false;
        apply(new TaskAssigned(id, projectId, organizationId, cmd.assignee(), cmd.kind(), cmd.by()));
        return true;
    }

    /** Taking the task back keeps what the person did on it; a live reservation of theirs is released. */
    @CommandHandler
    boolean handle(UnassignTask cmd) {
        requireOrganization(cmd.organizationId());
        requireAssignment(cmd.assignee(), cmd.kind());
        if (!assigned.getOrDefault(cmd.kind(), Set.of()).contains(cmd.assignee())) return false;
        apply(new TaskUnassigned(id, projectId, organizationId, cmd.assignee(), cmd.kind(), cmd.by()));
        if (cmd.kind() == AssignmentKind.ANNOTATION && reservations.containsKey(cmd.assignee())) {
            apply(new ReservationReleased(id, projectId, organizationId, cmd.assignee(), ReleaseReason.UNASSIGNED));
        }
        return true;
    }

    private static void requireAssignment(UserId assignee, AssignmentKind kind) {
        if (assignee == null) throw new ValidationFailed("userId", "Whom to assign");
        if (kind == null) throw new ValidationFailed("kind", "Choose ANNOTATION or REVIEW");
    }

    /** Fires at the expiry of each reservation; one released or renewed since then is left alone. */
    @DeadlineHandler(deadlineName = RESERVATION_DEADLINE)
    void on(ReservationDue due) {
        if (!deleted && due.expiresAt().equals(reservations.get(due.userId()))) {
            apply(new ReservationReleased(id, projectId, organizationId, due.userId(), ReleaseReason.EXPIRED));
        }
    }

    /**
     * Annotations, plus skips when the skip queue ignores skipped tasks (a skip then counts as done for that person);
     * when a rejection sends the task back to the general queue, a rejected annotation no longer fills a place (ADR 0042).
     */
    private int filledSlots(ProjectSettings settings) {
        int skips = settings.skipping().queue() == ProjectSettings.SkipQueue.IGNORE ? skippedBy.size() : 0;
        long rejected = settings.review().onReject() != ProjectSettings.OnReject.REQUEUE_TO_GENERAL ? 0
                : reviews.entrySet().stream().filter(r -> annotations.containsKey(r.getKey())
                                                          && r.getValue().decision() == ReviewDecision.REJECTED).count();
        return (int) (annotations.size() - rejected) + skips;
    }

    private static void requireNotPaused(ProjectWorkflow workflow, UserId user) {
        String reason = workflow.paused().get(user);
        if (reason != null) throw new AnnotatorPausedHere(reason);
    }

    /**
     * Submitting without a reservation stays possible (a Manager annotating from the Data Manager, as in Label Studio);
     * the stream's guarantee is that it hands out no more than the overlap. A person whose reservation expired and whose
     * place others have taken is refused (their draft stays); paused people and people at the limit are refused.
     *
     * @return the labeling config version the result was validated against
     */
    @CommandHandler
    int handle(SubmitAnnotation cmd, LabelingConfigs configs, ProjectWorkflows workflows, Workloads workloads) {
        requireOrganization(cmd.organizationId());
        if (annotations.containsValue(cmd.by())) throw new AlreadyAnnotated();
        if (everUsedIds.contains(cmd.annotationId())) throw new Conflict("annotationId", "This annotation id is already used");
        ProjectWorkflow workflow = workflows.workflow(projectId);
        requireNotPaused(workflow, cmd.by());
        boolean reserved = reservations.containsKey(cmd.by());
        if (!reserved && expiredFor.contains(cmd.by())
                && filledSlots(workflow.settings()) + reservations.size() >= workflow.settings().distribution().overlapOf(number)) {
            throw new ReservationExpired();
        }
        var limit = workflow.settings().distribution().limit();
        // with a reservation the person was under the limit when it was handed out
        if (!reserved && limit != null && workloads.takenOn(projectId, cmd.by(), id, null) >= limit.tasksFor(workflow.taskCount())) {
            throw new LimitReached();
        }
        VersionedConfig config = validated(cmd.result(), configs, workflow);
        apply(new AnnotationSubmitted(id, projectId, organizationId, cmd.annotationId(), cmd.result(), cmd.leadTimeSeconds(), cmd.by(),
                config.version(), cmd.intId()));
        if (reserved) apply(new ReservationReleased(id, projectId, organizationId, cmd.by(), ReleaseReason.SUBMITTED));
        discardDraftOf(cmd.by(), cmd.annotationId());
        return config.version();
    }

    @CommandHandler
    /** @return the labeling config version the result was validated against */
    int handle(UpdateAnnotation cmd, LabelingConfigs configs, ProjectWorkflows workflows) {
        requireOrganization(cmd.organizationId());
        requireAuthor(cmd.annotationId(), cmd.by());
        VersionedConfig config = validated(cmd.result(), configs, workflows.workflow(projectId));
        apply(new AnnotationUpdated(id, projectId, organizationId, cmd.annotationId(), cmd.result(), cmd.leadTimeSeconds(), cmd.by(),
                config.version()));
        discardDraftOf(cmd.by(), cmd.annotationId());
        return config.version();
    }

    @CommandHandler
    void handle(DeleteAnnotation cmd) {
        requireOrganization(cmd.organizationId());
        requireAuthor(cmd.annotationId(), cmd.by());
        apply(new AnnotationDeleted(id, projectId, organizationId, cmd.annotationId(), cmd.by()));
    }

    @CommandHandler
    void handle(SetGroundTruth cmd) {
        requireOrganization(cmd.organizationId());
        if (!annotations.containsKey(cmd.annotationId())) throw new NotFound("Annotation", "annotationId");
        boolean isNow = cmd.annotationId().equals(groundTruth);
        if (isNow == cmd.groundTruth()) return; // nothing changes: nothing recorded
        apply(new GroundTruthChanged(id, projectId, organizationId, cmd.annotationId(), cmd.groundTruth(),
                cmd.groundTruth() ? groundTruth : null, cmd.by()));
    }

    /**
     * A skip releases the skipper's reservation; a project may ask for a comment with every skip (issue 11). Skipping
     * twice records nothing new.
     */
    @CommandHandler
    void handle(SkipTask cmd, ProjectWorkflows workflows) {
        requireOrganization(cmd.organizationId());
        if (annotations.containsValue(cmd.by())) throw new AlreadyAnnotated();
        // the Annotating option "show Skip" off: hiding the button is the UI's part, this is the rule (ADR 0042)
        if (!workflows.workflow(projectId).settings().annotating().showSkip()) throw new SkipTurnedOff();
        String comment = cmd.comment() == null || cmd.comment().isBlank() ? null : cmd.comment().strip();
        if (comment != null && comment.length() > SkipTask.MAX_COMMENT) {
            throw new ValidationFailed("comment", "A skip comment has at most " + SkipTask.MAX_COMMENT + " characters");
        }
        boolean reserved = reservations.containsKey(cmd.by());
        if (!skippedBy.contains(cmd.by())) {
            if (comment == null && workflows.workflow(projectId).settings().skipping().requireComment()) {
                throw new ValidationFailed("comment", "This project asks for a comment with every skip");
            }
            apply(new TaskSkipped(id, projectId, organizationId, cmd.by(), comment));
        }
        if (reserved) apply(new ReservationReleased(id, projectId, organizationId, cmd.by(), ReleaseReason.SKIPPED));
    }

    /**
     * Reviews: the annotation must be live and not the reviewer's own; the same reviewer repeating the latest verdict
     * (same decision and comment) records nothing; any other review replaces the earlier one.
     */
    @CommandHandler
    void handle(ReviewAnnotation cmd, LabelingConfigs configs, ProjectWorkflows workflows) {
        requireOrganization(cmd.organizationId());
        if (cmd.decision() == null) throw new ValidationFailed("decision", "Choose ACCEPTED, REJECTED or FIX_AND_ACCEPT");
        boolean fix = cmd.decision() == ReviewDecision.FIX_AND_ACCEPT;
        if (fix && cmd.result() == null) throw new ValidationFailed("result", "Fix and accept takes the corrected result");
        if (!fix && cmd.result() != null) throw new ValidationFailed("result", "Only FIX_AND_ACCEPT takes a result");
        String comment = cmd.comment() == null || cmd.comment().isBlank() ? null : cmd.comment().strip();
        if (comment != null && comment.length() > ReviewAnnotation.MAX_COMMENT) {
            throw new ValidationFailed("comment", "A review comment has at most " + ReviewAnnotation.MAX_COMMENT + " characters");
        }
        if (cmd.decision() == ReviewDecision.REJECTED && comment == null
                && workflows.workflow(projectId).settings().review().requireCommentOnReject()) {
            throw new ValidationFailed("comment", "This project asks for a comment with every rejection");
        }
        UserId author = annotations.get(cmd.annotationId());
        if (author == null) throw new NotFound("Annotation", "annotationId");
        if (author.equals(cmd.by())) throw new OwnAnnotation();
        if (!cmd.runsProject()) requireReviewRules(cmd.by(), workflows.workflow(projectId).settings());
        if (fix) {
            // the reviewer's correction is the annotation's new version, attributed to them; the original stays in the history
            VersionedConfig config = validated(cmd.result(), configs, workflows.workflow(projectId));
            apply(new AnnotationUpdated(id, projectId, organizationId, cmd.annotationId(), cmd.result(), cmd.leadTimeSeconds(), cmd.by(),
                    config.version()));
            apply(new AnnotationReviewed(id, projectId, organizationId, cmd.annotationId(), ReviewDecision.ACCEPTED, comment, cmd.by()));
            return;
        }
        Review review = new Review(cmd.by(), cmd.decision(), comment);
        if (review.equals(reviews.get(cmd.annotationId()))) return; // the same verdict again records nothing new
        apply(new AnnotationReviewed(id, projectId, organizationId, cmd.annotationId(), cmd.decision(), comment, cmd.by()));
    }

    /**
     * The review rules of issue 11 for someone who does not run the project (ADR 0048): the review queue hands out
     * only such tasks, and a review by id is held to the same rules. A task assigned to reviewers is theirs; with
     * manual distribution a reviewer reviews only tasks assigned to them; "review only tasks that reached their
     * overlap" refuses a task still waiting for annotations.
     */
    private void requireReviewRules(UserId by, ProjectSettings settings) {
        Set<UserId> reviewers = assigned.getOrDefault(AssignmentKind.REVIEW, Set.of());
        boolean manual = settings.distribution().mode() == ProjectSettings.DistributionMode.MANUAL;
        if ((manual || !reviewers.isEmpty()) && !reviewers.contains(by)) throw new NotAssigned();
        if (settings.review().onlyOverlapReached() && annotations.size() < settings.distribution().overlapOf(number)) {
            throw new Conflict("taskId", "This project reviews a task once it has all the annotations its overlap asks for");
        }
    }

    /**
     * Drafts (ADR 0032): work in progress, not checked against the labeling config, only for shape (a list) and size;
     * saving the content of the live draft again (autosave) records nothing.
     */
    @CommandHandler
    void handle(SaveDraft cmd) {
        requireOrganization(cmd.organizationId());
        if (cmd.result() == null || !cmd.result().isArray()) throw new ValidationFailed("result", "A draft is a list of result items");
        if (cmd.result().toString().length() > SaveDraft.MAX_RESULT_CHARS) throw new DraftTooLarge();
        if (cmd.leadTimeSeconds() != null && !(cmd.leadTimeSeconds() >= 0)) {
            throw new ValidationFailed("leadTimeSeconds", "The lead time is a number of seconds, not negative");
        }
        if (cmd.result().equals(drafts.get(cmd.by()))) return; // identical content: nothing new
        apply(new DraftSaved(id, projectId, organizationId, cmd.result(), cmd.leadTimeSeconds(), cmd.by()));
    }

    @CommandHandler
    void handle(DiscardDraft cmd) {
        requireOrganization(cmd.organizationId());
        discardDraftOf(cmd.by(), null);
    }

    private void discardDraftOf(UserId by, AnnotationId annotationId) {
        if (drafts.containsKey(by)) apply(new DraftDiscarded(id, projectId, organizationId, by, annotationId));
    }

    /**
     * Comments (ADR 0032) on a live annotation, optionally on one region of it; a reply answers a comment of the same
     * annotation (a deleted one too: it keeps its place in the thread). Text: 1 to 5,000 characters once trimmed.
     */
    @CommandHandler
    void handle(AddComment cmd) {
        requireOrganization(cmd.organizationId());
        if (!annotations.containsKey(cmd.annotationId())) throw new NotFound("Annotation", "annotationId");
        // blind labeling: another person's annotation does not exist for this caller (the same answer as a deleted one)
        if (cmd.onlyOwnAnnotations() && !cmd.by().equals(annotations.get(cmd.annotationId()))) throw new NotFound("Annotation", "annotationId");
        if (comments.containsKey(cmd.commentId())) throw new Conflict("commentId", "This comment id is already used");
        String text = cmd.text() == null ? "" : cmd.text().strip();
        if (text.isEmpty() || text.length() > AddComment.MAX_TEXT) {
            throw new ValidationFailed("text", "A comment has 1 to " + AddComment.MAX_TEXT + " characters");
        }
        String regionId = cmd.regionId() == null || cmd.regionId().isBlank() ? null : cmd.regionId();
        if (regionId != null && regionId.length() > AddComment.MAX_REGION_ID) throw new ValidationFailed("regionId", "Not a region id");
        if (cmd.parentId() != null) {
            Comment parent = comments.get(cmd.parentId());
            if (parent == null) throw new NotFound("Comment", "parentId");
            if (!parent.annotationId().equals(cmd.annotationId())) {
                throw new ValidationFailed("parentId", "A reply answers a comment of the same annotation");
            }
        }
        apply(new CommentAdded(id, projectId, organizationId, cmd.commentId(), cmd.annotationId(), regionId, cmd.parentId(), text,
                cmd.by()));
    }

    @CommandHandler
    void handle(ResolveComment cmd) {
        Comment c = changeableComment(cmd.organizationId(), cmd.commentId(), cmd.by(), cmd.moderator(), cmd.onlyOwnAnnotations());
        if (c.resolved()) return; // already resolved: nothing new
        apply(new CommentResolved(id, projectId, organizationId, cmd.commentId(), c.annotationId(), cmd.by()));
    }

    @CommandHandler
    void handle(ReopenComment cmd) {
        Comment c = changeableComment(cmd.organizationId(), cmd.commentId(), cmd.by(), cmd.moderator(), cmd.onlyOwnAnnotations());
        if (!c.resolved()) return; // open already: nothing new
        apply(new CommentReopened(id, projectId, organizationId, cmd.commentId(), c.annotationId(), cmd.by()));
    }

    @CommandHandler
    void handle(DeleteComment cmd) {
        requireOrganization(cmd.organizationId());
        Comment c = comments.get(cmd.commentId());
        if (c == null || hidden(c, cmd.by(), cmd.onlyOwnAnnotations())) throw new NotFound("Comment", "commentId");
        if (!c.author().equals(cmd.by()) && !cmd.moderator()) throw new NotCommentAuthor();
        if (c.deleted()) return; // deleted already
        apply(new CommentDeleted(id, projectId, organizationId, cmd.commentId(), c.annotationId(), cmd.by()));
    }

    /** A live comment that the caller wrote, or any live comment for a moderator (Manager or above). */
    private Comment changeableComment(OrganizationId caller, CommentId commentId, UserId by, boolean moderator, boolean onlyOwnAnnotations) {
        requireOrganization(caller);
        Comment c = comments.get(commentId);
        if (c == null || c.deleted() || hidden(c, by, onlyOwnAnnotations)) throw new NotFound("Comment", "commentId");
        if (!c.author().equals(by) && !moderator) throw new NotCommentAuthor();
        return c;
    }

    /** Blind labeling: the comments of another person's (or a deleted) annotation are not there for who sees only their own. */
    private boolean hidden(Comment c, UserId by, boolean onlyOwnAnnotations) {
        return onlyOwnAnnotations && !by.equals(annotations.get(c.annotationId()));
    }

    /** The project's current config once the result passes it (not empty, valid): what an annotation is made with. */
    private VersionedConfig validated(JsonNode result, LabelingConfigs configs, ProjectWorkflow workflow) {
        VersionedConfig config = configs.versioned(projectId);
        refuseEmpty(result, workflow);
        ResultValidator.validate(config.config(), result, "result", data);
        return config;
    }

    /**
     * An annotation must hold at least one result (issue 9: the browser could submit {@code []}). Skips are
     * {@link SkipTask}, not empty annotations.
     */
    private static void refuseEmpty(JsonNode result, ProjectWorkflow workflow) {
        if (result != null && result.isArray() && result.isEmpty() && !allowsEmptyAnnotations(workflow)) throw new EmptyResult();
    }

    /** The project option "allow empty annotations" (Label Studio's), in the Annotating settings (issue 11). */
    private static boolean allowsEmptyAnnotations(ProjectWorkflow workflow) {
        return workflow.settings().annotating().allowEmptyAnnotations();
    }

    private void requireOrganization(OrganizationId caller) {
        if (!organizationId.equals(caller) || deleted) throw new NotFound("Task", "taskId");
    }

    private void requireAuthor(AnnotationId annotationId, UserId by) {
        UserId author = annotations.get(annotationId);
        if (author == null) throw new NotFound("Annotation", "annotationId");
        if (!author.equals(by)) throw new NotAuthor();
    }

    @EventSourcingHandler
    void on(TaskImported e) {
        id = e.taskId();
        projectId = e.projectId();
        organizationId = e.organizationId();
        data = e.data();
        number = e.number();
        if (e.predictions() != null) e.predictions().stream().map(Prediction::intId).filter(java.util.Objects::nonNull).forEach(predictionIds::add);
    }

    @EventSourcingHandler
    void on(PredictionsAdded e) {
        e.predictions().stream().map(Prediction::intId).filter(java.util.Objects::nonNull).forEach(predictionIds::add);
    }

    @EventSourcingHandler
    void on(PredictionDeleted e) {
        predictionIds.remove(e.predictionId());
    }

    @EventSourcingHandler
    void on(TaskReserved e) {
        reservations.put(e.by(), e.expiresAt());
        expiredFor.remove(e.by());
    }

    @EventSourcingHandler
    void on(ReservationReleased e) {
        reservations.remove(e.heldBy());
        if (e.reason() == ReleaseReason.EXPIRED) expiredFor.add(e.heldBy());
    }

    @EventSourcingHandler
    void on(AnnotationSubmitted e) {
        annotations.put(e.annotationId(), e.by());
        everUsedIds.add(e.annotationId());
        skippedBy.remove(e.by());
    }

    @EventSourcingHandler
    void on(AnnotationImported e) {
        annotations.put(e.annotationId(), e.authoredBy());
        everUsedIds.add(e.annotationId());
    }

    /** A changed annotation is pending review again (a rejected one fixed by its author, or any other change). */
    @EventSourcingHandler
    void on(AnnotationUpdated e) { reviews.remove(e.annotationId()); }

    @EventSourcingHandler
    void on(AnnotationDeleted e) {
        annotations.remove(e.annotationId());
        reviews.remove(e.annotationId());
        if (e.annotationId().equals(groundTruth)) groundTruth = null;
    }

    @EventSourcingHandler
    void on(AnnotationReviewed e) { reviews.put(e.annotationId(), new Review(e.by(), e.decision(), e.comment())); }

    @EventSourcingHandler
    void on(GroundTruthChanged e) {
        if (e.groundTruth()) groundTruth = e.annotationId();
        else if (e.annotationId().equals(groundTruth)) groundTruth = null;
    }

    @EventSourcingHandler
    void on(TaskSkipped e) { skippedBy.add(e.by()); }

    @EventSourcingHandler
    void on(TaskDeleted e) { deleted = true; }

    @EventSourcingHandler
    void on(TaskAssigned e) { assigned.computeIfAbsent(e.kind(), k -> new HashSet<>()).add(e.assignee()); }

    @EventSourcingHandler
    void on(TaskUnassigned e) { assigned.getOrDefault(e.kind(), new HashSet<>()).remove(e.assignee()); }

    @EventSourcingHandler
    void on(CommentAdded e) { comments.put(e.commentId(), new Comment(e.annotationId(), e.by(), false, false)); }

    @EventSourcingHandler
    void on(CommentResolved e) { comments.computeIfPresent(e.commentId(), (k, c) -> c.withResolved(true)); }

    @EventSourcingHandler
    void on(CommentReopened e) { comments.computeIfPresent(e.commentId(), (k, c) -> c.withResolved(false)); }

    @EventSourcingHandler
    void on(CommentDeleted e) { comments.computeIfPresent(e.commentId(), (k, c) -> c.asDeleted()); }

    @EventSourcingHandler
    void on(DraftSaved e) { drafts.put(e.by(), e.result()); }

    @EventSourcingHandler
    void on(DraftDiscarded e) { drafts.remove(e.by()); }
}
