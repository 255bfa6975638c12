package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.UserError;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.web.ProjectSettingsReader;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.task.api.ReserveTask;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskView;
import io.labelledger.task.read.filter.FilterCompiler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The label stream (issue 11, ADR 0036): the task the caller holds, else candidates from the Data Manager in the
 * project's sampling order, each offered to the Task aggregate with ReserveTask until one accepts. The aggregate
 * guards the rules; a refusal that only means "not this one" (taken up to its overlap meanwhile, the read model a
 * moment behind) moves on to the next candidate, and a round without success asks the read model again.
 */
@Component
public class LabelStream {
    static final int CANDIDATES = 50;
    static final int ROUNDS = 4;
    /** refusals that concern one task, not the person: try the next */
    private static final Set<ErrorCode> NEXT = Set.of(ErrorCode.TASK_FULL, ErrorCode.ALREADY_ANNOTATED, ErrorCode.CONFLICT,
            ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN); // FORBIDDEN: unassigned meanwhile (manual distribution)

    public enum State { WORKING, DONE, PAUSED, LIMIT_REACHED, MANUAL }

    /** {@code tasksLeft}: for a paused person, whether the stream would have tasks for them (else null: not asked). */
    public record Answer(State state, TaskView task, Instant reservedUntil, String pauseReason, Boolean tasksLeft) {
        Answer(State state, TaskView task, Instant reservedUntil, String pauseReason) {
            this(state, task, reservedUntil, pauseReason, null);
        }

        static Answer of(State state) { return new Answer(state, null, null, null); }
    }

    private final Commands commands;
    private final TaskQueries tasks;
    private final ProjectQueries projects;
    private final ProjectSettingsReader settings;
    private final Clock clock;

    public LabelStream(Commands commands, TaskQueries tasks, ProjectQueries projects, ProjectSettingsReader settings, Clock clock) {
        this.commands = commands;
        this.tasks = tasks;
        this.projects = projects;
        this.settings = settings;
        this.clock = clock;
    }

    /** The caller's stream in the project; empty for a project the caller's organization does not have. */
    public Mono<Answer> next(Caller caller, String projectId, String clientIp) {
        return next(caller, projectId, clientIp, null);
    }

    /**
     * The stream restricted to a Data Manager selection ("label the selected", ADR 0038; null: the whole project): the
     * same rules and reservations, only its candidates are the selected tasks. The browser sends the selection with
     * each call for as long as its labeling session lasts; nothing is stored on the server.
     */
    public Mono<Answer> next(Caller caller, String projectId, String clientIp, FilterCompiler.Sql selection) {
        if (!Ids.isUuid(projectId)) return Mono.empty();
        return settings.settingsOf(caller.organizationId(), projectId)
                       .flatMap(s -> projects.pauseOf(caller.organizationId(), projectId, caller.userId())
                               // a paused person is told whether anything is left for them ("all tasks done" under the pause)
                               .flatMap(p -> tasksLeft(caller, projectId, s, selection).map(left -> new Answer(State.PAUSED, null, null, p.reason(), left)))
                               .switchIfEmpty(Mono.defer(() -> confirmedHeld(caller, projectId, clientIp, selection)
                                               .switchIfEmpty(Mono.defer(() -> rejected(caller, projectId, s, selection)))
                                               .switchIfEmpty(Mono.defer(() -> handOut(caller, projectId, s, clientIp, 0, selection))))));
    }

    /**
     * Rejections requeued to the annotator (Review settings, ADR 0042): their own rejected annotation's task comes back
     * before new ones, to fix (an update makes it pending review again, so it leaves this queue).
     */
    private Mono<Answer> rejected(Caller caller, String projectId, ProjectSettings s, FilterCompiler.Sql selection) {
        // labelling a Data Manager selection hands out only the selected tasks, rejected ones among them by the candidates
        if (selection != null || s.review().onReject() != ProjectSettings.OnReject.REQUEUE_TO_ANNOTATOR) return Mono.empty();
        return tasks.rejectedOf(caller.organizationId(), projectId, caller.userId())
                    .flatMap(id -> tasks.get(caller.organizationId(), id))
                    .map(t -> new Answer(State.WORKING, t, null, null));
    }

    private Mono<Boolean> tasksLeft(Caller caller, String projectId, ProjectSettings s, FilterCompiler.Sql selection) {
        var queue = s.skipping().queue();
        return held(caller, projectId, selection).map(a -> true)
                .switchIfEmpty(Mono.defer(() -> tasks.streamCandidates(caller.organizationId(), projectId, caller.userId(),
                        TaskQueries.StreamOrder.SEQUENTIAL, queue == ProjectSettings.SkipQueue.REQUEUE_TO_ME_LAST,
                        queue == ProjectSettings.SkipQueue.IGNORE, s.review().onReject() == ProjectSettings.OnReject.REQUEUE_TO_GENERAL,
                        s.distribution().mode() == ProjectSettings.DistributionMode.MANUAL, clock.instant(), 1, selection)
                        // read to the end (LIMIT 1), not cancelled at the first row: a cancelled R2DBC read can leak its connection
                        .collectList().map(found -> !found.isEmpty())));
    }

    private Mono<Answer> held(Caller caller, String projectId, FilterCompiler.Sql selection) {
        return tasks.heldBy(caller.organizationId(), projectId, caller.userId(), clock.instant(), selection)
                    .flatMap(r -> tasks.get(caller.organizationId(), r.taskId()).map(t -> new Answer(State.WORKING, t, r.expiresAt(), null)));
    }

    /**
     * The held task as the Data Manager shows it, confirmed by the aggregate: right after a submit the read model may
     * still show the reservation it released, and handing that task out again would end in ALREADY_ANNOTATED. Asking
     * the aggregate to reserve it answers ALREADY_RESERVED when it is still the caller's (no event is written).
     */
    private Mono<Answer> confirmedHeld(Caller caller, String projectId, String clientIp, FilterCompiler.Sql selection) {
        return held(caller, projectId, selection).flatMap(a -> commands.<Instant>send(new ReserveTask(new TaskId(a.task().id()), caller.organization(), caller.user(),
                        clock.instant()), caller, clientIp)
                .flatMap(r -> {
                    if (r.ok()) return Mono.just(new Answer(State.WORKING, a.task(), r.value(), null)); // released meanwhile: reserved again
                    return r.error().code() == ErrorCode.ALREADY_RESERVED ? Mono.just(a) : Mono.<Answer>empty();
                }));
    }

    private Mono<Answer> handOut(Caller caller, String projectId, ProjectSettings s, String clientIp, int round, FilterCompiler.Sql selection) {
        return handOut(caller, projectId, s, clientIp, round, selection, new java.util.HashSet<>());
    }

    /**
     * {@code taken}: candidates this call has already seen refused (taken by others, or by the caller's own work the
     * read model does not show yet): the next round leaves them out instead of offering them again while the Data
     * Manager catches up — under load its lag outlasted every round and people were told "all done" with tasks left.
     */
    private Mono<Answer> handOut(Caller caller, String projectId, ProjectSettings s, String clientIp, int round, FilterCompiler.Sql selection,
                                 Set<String> taken) {
        var queue = s.skipping().queue();
        // manual distribution: only the tasks a Manager assigned to the caller; none left says MANUAL (wait for more)
        boolean manual = s.distribution().mode() == ProjectSettings.DistributionMode.MANUAL;
        State nothingLeft = manual ? State.MANUAL : State.DONE;
        var order = TaskQueries.StreamOrder.valueOf(s.distribution().sampling().name());
        return tasks.streamCandidates(caller.organizationId(), projectId, caller.userId(), order,
                        queue == ProjectSettings.SkipQueue.REQUEUE_TO_ME_LAST, queue == ProjectSettings.SkipQueue.IGNORE,
                        s.review().onReject() == ProjectSettings.OnReject.REQUEUE_TO_GENERAL, manual, clock.instant(), CANDIDATES, selection,
                        List.copyOf(taken))
                    .collectList()
                    .flatMap(ids -> ids.isEmpty() ? Mono.just(Answer.of(nothingLeft)) : tryEach(caller, projectId, ids, clientIp, taken)
                            .switchIfEmpty(Mono.defer(() -> round + 1 >= ROUNDS ? Mono.just(Answer.of(nothingLeft))
                                    // every candidate was taken meanwhile: the read model catches up, then ask it again
                                    : Mono.delay(Duration.ofMillis(50L * (round + 1))).then(handOut(caller, projectId, s, clientIp, round + 1, selection, taken)))));
    }

    /**
     * The first candidate the aggregate reserves; empty when each was refused for a reason of its own. Candidates are
     * offered in the sampling order; once one turns out taken by someone else (people asking at the same moment all
     * read the same first candidates), the rest are offered in a random order, so that concurrent callers spread over
     * them instead of each offering every candidate in turn to the aggregate. A person alone keeps the exact order.
     */
    private Mono<Answer> tryEach(Caller caller, String projectId, List<String> ids, String clientIp, Set<String> taken) {
        if (ids.isEmpty()) return Mono.empty();
        String id = ids.getFirst();
        return commands.<Instant>send(new ReserveTask(new TaskId(id), caller.organization(), caller.user(), clock.instant()), caller, clientIp)
                       .flatMap(r -> {
                           if (r.ok()) return tasks.get(caller.organizationId(), id).map(t -> new Answer(State.WORKING, t, r.value(), null));
                           UserError e = r.error();
                           return switch (e.code()) {
                               // the read model had not shown the caller's own reservation yet
                               case ALREADY_RESERVED -> tasks.get(caller.organizationId(), id).map(t -> new Answer(State.WORKING, t, null, null));
                               case PAUSED -> projects.pauseOf(caller.organizationId(), projectId, caller.userId())
                                                      .map(p -> new Answer(State.PAUSED, null, null, p.reason()))
                                                      .defaultIfEmpty(new Answer(State.PAUSED, null, null, e.message()));
                               case LIMIT_REACHED -> Mono.just(Answer.of(State.LIMIT_REACHED));
                               default -> {
                                   if (!NEXT.contains(e.code())) yield Mono.just(Answer.of(State.DONE));
                                   taken.add(id);
                                   List<String> rest = ids.subList(1, ids.size());
                                   if (e.code() == ErrorCode.TASK_FULL || e.code() == ErrorCode.CONFLICT) {
                                       rest = new java.util.ArrayList<>(rest);
                                       java.util.Collections.shuffle(rest, java.util.concurrent.ThreadLocalRandom.current());
                                   }
                                   yield tryEach(caller, projectId, rest, clientIp, taken);
                               }
                           };
                       });
    }
}
