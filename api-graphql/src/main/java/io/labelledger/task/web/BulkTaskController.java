package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Json;
import io.labelledger.api.UserError;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.organization.read.MemberQueries;
import io.labelledger.project.api.BulkTaskAction;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.web.ProjectController.TaskFilterInput;
import io.labelledger.shared.DomainException;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.shared.NotFound;
import io.labelledger.task.api.AssignmentKind;
import io.labelledger.task.jobs.BulkJob;
import io.labelledger.task.jobs.BulkJobStore;
import io.labelledger.task.jobs.BulkParameters;
import io.labelledger.task.jobs.BulkSelection;
import io.labelledger.task.jobs.ImportJobProgress;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.filter.FilterCompiler;
import io.labelledger.task.read.filter.TaskFilter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Data Manager bulk actions (issue 11, ADR 0042) over a selection — the ticked tasks, or all that match the current
 * filter (up to {@link #MAX_SELECTION}) — run as background jobs with progress: assign / unassign people (Managers),
 * delete (Managers), and bulk label (Reviewers and above, rules.csv): one result of a Choices, Taxonomy, TextArea,
 * Rating, Number or DateTime control becomes the caller's annotation of every selected task.
 */
@Controller
public class BulkTaskController {
    static final int MAX_TICKED = 10_000;
    static final int MAX_USERS = 100;
    static final long MAX_SELECTION = 1_000_000;
    /** The control types a bulk label applies: one value that fits any task (no regions), as Label Studio Enterprise. */
    static final Set<String> BULK_LABEL_TYPES = Set.of("choices", "taxonomy", "textarea", "rating", "number", "datetime");
    private static final Set<OrganizationRole> SEE_ALL = Set.of(OrganizationRole.OWNER, OrganizationRole.ADMIN);

    private final BulkJobStore jobs;
    private final ImportJobQueue queue;
    private final TaskQueries tasks;
    private final MemberQueries members;
    private final ProjectQueries projects;
    private final DataManagerFilters filters;
    private final OrganizationLabelingConfigs configs;
    private final Json json;
    private final Clock clock;
    private final ReactiveRedisMessageListenerContainer redis;

    public BulkTaskController(BulkJobStore jobs, @Qualifier("bulkJobQueue") ImportJobQueue queue, TaskQueries tasks, MemberQueries members,
                              ProjectQueries projects, DataManagerFilters filters, OrganizationLabelingConfigs configs, Json json, Clock clock,
                              ReactiveRedisMessageListenerContainer redis) {
        this.redis = redis;
        this.projects = projects;
        this.jobs = jobs;
        this.queue = queue;
        this.tasks = tasks;
        this.members = members;
        this.filters = filters;
        this.configs = configs;
        this.json = json;
        this.clock = clock;
    }

    /** Exactly one of {@code taskIds} (ticked) and {@code filter} ("all that match", {} for all tasks). */
    public record TaskSelectionInput(List<String> taskIds, TaskFilterInput filter, List<String> excludedIds) {}

    public record BulkTaskActionInput(String projectId, TaskSelectionInput selection, BulkTaskAction action, List<String> userIds,
                                      AssignmentKind kind) {}

    public record BulkLabelTasksInput(String projectId, TaskSelectionInput selection, Object result) {}

    public record BulkJobPayload(BulkJob job, List<UserError> errors) {
        static BulkJobPayload error(UserError e) { return new BulkJobPayload(null, List.of(e)); }
    }

    @MutationMapping
    public Mono<BulkJobPayload> bulkTaskAction(@Argument BulkTaskActionInput input, @ContextValue Caller caller) {
        if (!Ids.isUuid(input.projectId())) return notFound();
        if (input.action() == null || input.action() == BulkTaskAction.LABEL) {
            return error(ErrorCode.VALIDATION, List.of("action"), "Choose ASSIGN, UNASSIGN or DELETE (bulk labels: bulkLabelTasks)");
        }
        List<String> userIds = input.userIds() == null ? List.of() : input.userIds().stream().distinct().toList();
        Mono<UserError> people = Mono.empty();
        if (input.action() != BulkTaskAction.DELETE) {
            if (input.kind() == null) return error(ErrorCode.VALIDATION, List.of("kind"), "Choose ANNOTATION or REVIEW");
            if (userIds.isEmpty() || userIds.size() > MAX_USERS) {
                return error(ErrorCode.VALIDATION, List.of("userIds"), "Name 1 to " + MAX_USERS + " people");
            }
            // taking tasks back is possible from anyone (e.g. someone who left the project); handing them out only to its people
            people = input.action() == BulkTaskAction.ASSIGN ? assignable(caller, input.projectId(), userIds) : wellFormed(userIds);
        }
        BulkParameters parameters = new BulkParameters(userIds, input.kind(), null);
        Mono<UserError> refusal = people;
        // another organization's project is not found, whatever its selection would hold
        return projects.get(caller.organizationId(), input.projectId())
                       .flatMap(p -> refusal.map(BulkJobPayload::error)
                               .switchIfEmpty(Mono.defer(() -> start(caller, p.id(), input.selection(), input.action(), parameters))))
                       .switchIfEmpty(Mono.defer(BulkTaskController::notFound));
    }

    @MutationMapping
    public Mono<BulkJobPayload> bulkLabelTasks(@Argument BulkLabelTasksInput input, @ContextValue Caller caller) {
        if (!Ids.isUuid(input.projectId())) return notFound();
        JsonNode result;
        try {
            result = json.tree(input.result());
        } catch (RuntimeException e) {
            return error(ErrorCode.VALIDATION, List.of("result"), "A result item as JSON");
        }
        if (result != null && result.isArray() && result.size() == 1) result = json.mapper().createArrayNode().add(result.get(0));
        else if (result != null && result.isObject()) result = json.mapper().createArrayNode().add(result);
        else return error(ErrorCode.VALIDATION, List.of("result"), "One result item: from_name, to_name, type and value");
        JsonNode item = result.get(0);
        String fromName = item.path("from_name").asString("");
        JsonNode finalResult = result;
        return Mono.fromCallable(() -> configs.current(new ProjectId(input.projectId()), caller.organization()))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(config -> {
                       ControlTag control = config.control(fromName).orElse(null);
                       if (control == null || !BULK_LABEL_TYPES.contains(control.resultType())) {
                           return error(ErrorCode.VALIDATION, List.of("result", "from_name"),
                                   "Bulk labels apply one Choices, Taxonomy, TextArea, Rating, Number or DateTime control's value");
                       }
                       return start(caller, input.projectId(), input.selection(), BulkTaskAction.LABEL, new BulkParameters(List.of(), null, finalResult));
                   })
                   .onErrorResume(NotFound.class, e -> notFound());
    }

    @QueryMapping
    public Mono<BulkJob> bulkTaskJob(@Argument String id, @ContextValue Caller caller) {
        if (!Ids.isUuid(id)) return Mono.empty();
        String owner = SEE_ALL.contains(caller.organizationRole()) ? null : caller.userId();
        return Mono.fromCallable(() -> jobs.get(caller.organizationId(), id, owner)).subscribeOn(Schedulers.boundedElastic())
                   .flatMap(Mono::justOrEmpty);
    }

    /**
     * A bulk job's progress, pushed (ADR 0048): the job as it is now, then again on every change its worker announces
     * (each page of 200 tasks, the end), until it is COMPLETED or FAILED. Unknown (or someone else's) job: ends at once.
     */
    @SubscriptionMapping("bulkTaskJob")
    public Flux<BulkJob> bulkTaskJobProgress(@Argument String id, @ContextValue Caller caller) {
        if (!Ids.isUuid(id)) return Flux.empty();
        // listen first, then read: a change between the two is not lost
        return redis.receiveLater(ChannelTopic.of(ImportJobProgress.BULK_CHANNEL_PREFIX + id))
                    .flatMapMany(changes -> bulkTaskJob(id, caller).flatMapMany(now -> now.state().terminal()
                            ? Flux.just(now)
                            : Flux.concat(Mono.just(now), changes.onBackpressureLatest().concatMap(m -> bulkTaskJob(id, caller), 1))
                                  .distinctUntilChanged()
                                  .takeUntil(job -> job.state().terminal())));
    }

    private static Mono<UserError> wellFormed(List<String> userIds) {
        for (int i = 0; i < userIds.size(); i++) {
            if (!Ids.isUuid(userIds.get(i))) return Mono.just(new UserError(ErrorCode.NOT_FOUND, List.of("userIds", Integer.toString(i)), "No such member"));
        }
        return Mono.empty();
    }

    /** Each person is an active member of the organization who works in the project (or runs projects). */
    private Mono<UserError> assignable(Caller caller, String projectId, List<String> userIds) {
        for (int i = 0; i < userIds.size(); i++) {
            if (!Ids.isUuid(userIds.get(i))) return Mono.just(new UserError(ErrorCode.NOT_FOUND, List.of("userIds", Integer.toString(i)), "No such member"));
        }
        return Flux.range(0, userIds.size())
                   .concatMap(i -> members.member(caller.organizationId(), userIds.get(i))
                           .filter(m -> m.active())
                           .flatMap(m -> {
                               OrganizationRole role = OrganizationRole.valueOf(m.role());
                               if (role == OrganizationRole.OWNER || role == OrganizationRole.ADMIN || role == OrganizationRole.MANAGER) {
                                   return Mono.just(true);
                               }
                               return members.projectAccess(caller.organizationId(), projectId, m.userId()).map(a -> a.member()).defaultIfEmpty(false);
                           })
                           .defaultIfEmpty(false)
                           .flatMap(ok -> ok ? Mono.<UserError>empty()
                                   : Mono.just(new UserError(ErrorCode.NOT_FOUND, List.of("userIds", Integer.toString(i)),
                                           "Not a member who works in this project"))))
                   // every check runs to its end (at most 100 one-row queries): no R2DBC read is cancelled half-way
                   .collectList().flatMap(refusals -> Mono.justOrEmpty(refusals.stream().findFirst()));
    }

    private Mono<BulkJobPayload> start(Caller caller, String projectId, TaskSelectionInput input, BulkTaskAction action,
                                       BulkParameters parameters) {
        if (input == null || (input.taskIds() == null) == (input.filter() == null)) {
            return error(ErrorCode.VALIDATION, List.of("selection"), "Tick tasks (taskIds) or select all that match a filter (filter)");
        }
        List<String> excluded = input.excludedIds() == null ? List.of() : input.excludedIds().stream().distinct().toList();
        if (excluded.size() > MAX_TICKED || !excluded.stream().allMatch(Ids::isUuid)) {
            return error(ErrorCode.VALIDATION, List.of("selection", "excludedIds"), "At most " + MAX_TICKED + " task ids");
        }
        BulkSelection selection;
        Mono<Long> count;
        if (input.taskIds() != null) {
            List<String> ids = input.taskIds().stream().distinct().toList();
            if (ids.isEmpty() || ids.size() > MAX_TICKED || !ids.stream().allMatch(Ids::isUuid)) {
                return error(ErrorCode.VALIDATION, List.of("selection", "taskIds"), "Tick 1 to " + MAX_TICKED + " tasks");
            }
            selection = BulkSelection.ticked(ids);
            count = filters.allowed(caller, projectId, TaskFilter.NONE)
                           .then(tasks.selectedIds(caller.organizationId(), projectId, ids).count());
        } else {
            TaskFilterInput f = input.filter();
            TaskFilter conditions = f.conditionsFilter();
            try {
                FilterCompiler.compile(conditions, caller.userId()); // refused here with the field, not in the worker
            } catch (DomainException e) {
                return error(e.code(), prefixed(e.field()), e.getMessage());
            }
            selection = BulkSelection.matching(f.reviewState(), f.groundTruth(), conditions, excluded);
            count = filters.allowed(caller, projectId, conditions)
                           .then(tasks.maxNumber(caller.organizationId(), projectId))
                           .flatMap(max -> tasks.selectionCount(caller.organizationId(), projectId, f.reviewState(), f.groundTruth(),
                                   conditions, caller.userId(), excluded, max));
        }
        return count.flatMap(n -> {
                        if (n == 0) return error(ErrorCode.VALIDATION, List.of("selection"), "No task of the project is selected");
                        if (n > MAX_SELECTION) {
                            return error(ErrorCode.VALIDATION, List.of("selection"), "At most " + MAX_SELECTION + " tasks at once");
                        }
                        return tasks.maxNumber(caller.organizationId(), projectId).flatMap(max -> Mono.fromCallable(() -> {
                            BulkJob job = new BulkJob(UUID.randomUUID().toString(), caller.organizationId(), projectId, caller.userId(), action,
                                    json.mapper().writeValueAsString(selection), json.mapper().writeValueAsString(parameters), max,
                                    BulkJob.State.QUEUED, n, 0, 0, 0, 0, null, clock.instant(), null, null);
                            jobs.create(job);
                            queue.enqueue(job.id());
                            return new BulkJobPayload(job, List.of());
                        }).subscribeOn(Schedulers.boundedElastic()));
                    })
                    .onErrorResume(DomainException.class, e -> error(e.code(), e.code() == ErrorCode.FORBIDDEN && e.field().equals(List.of("projectId"))
                            ? e.field() : prefixed(e.field()), e.getMessage()));
    }

    private static List<String> prefixed(List<String> field) {
        List<String> out = new ArrayList<>(List.of("selection", "filter"));
        out.addAll(field);
        return out;
    }

    private static Mono<BulkJobPayload> notFound() {
        return Mono.just(BulkJobPayload.error(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found")));
    }

    private static Mono<BulkJobPayload> error(ErrorCode code, List<String> field, String message) {
        return Mono.just(BulkJobPayload.error(new UserError(code, field, message)));
    }
}
