package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.RecordProjectExport;
import io.labelledger.project.config.LabelingConfig;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.shared.NotFound;
import io.labelledger.task.export.ExportQueries;
import io.labelledger.task.exportfile.ExportBodies;
import io.labelledger.task.exportfile.ExportFormat;
import io.labelledger.task.jobs.ExportJob;
import io.labelledger.task.jobs.ExportJobStore;
import io.labelledger.task.jobs.ImportJobQueue;
import io.labelledger.project.api.ExportSelection;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskSelection;
import io.labelledger.task.read.filter.FilterRefused;
import io.labelledger.api.Json;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Export jobs (ADR 0018): {@code createExport} records the export (ProjectExported with its filters) and queues a job
 * that writes the file in the background; {@code exportJob}/{@code exportJobs} show state and progress. Owners and
 * Admins see every export of their organization, a Manager the ones they started; the organization comes from the
 * caller only, so another organization's project or job is not found.
 */
@Controller
public class ExportJobController {
    static final Set<OrganizationRole> SEE_ALL = Set.of(OrganizationRole.OWNER, OrganizationRole.ADMIN);
    private static final int MAX_USER_IDS = 100;

    private final ExportJobStore jobs;
    private final ImportJobQueue queue;
    private final ExportQueries exports;
    private final ExportBodies bodies;
    private final OrganizationLabelingConfigs configs;
    private final Commands commands;
    private final Clock clock;
    private final DataManagerFilters filters;
    private final Json json;

    public ExportJobController(ExportJobStore jobs, @Qualifier("exportJobQueue") ImportJobQueue queue, ExportQueries exports,
                               ExportBodies bodies, OrganizationLabelingConfigs configs, Commands commands, Clock clock,
                               DataManagerFilters filters, Json json) {
        this.filters = filters;
        this.json = json;
        this.jobs = jobs;
        this.queue = queue;
        this.exports = exports;
        this.bodies = bodies;
        this.configs = configs;
        this.commands = commands;
        this.clock = clock;
    }

    public record ExportFiltersInput(Boolean onlyCompleted, Boolean onlyGroundTruth, List<String> userIds, Instant asOf) {}

    /** {@code rawValues}: CSV/TSV cells are written as they are, formulas included (ADR 0030); default neutralized. */
    public record CreateExportInput(String projectId, ExportFormat format, ExportFiltersInput filters, Boolean rawValues,
                                    DataManagerFilters.TaskSelectionInput selection) {}


    public record CreateExportPayload(ExportJob job, List<UserError> errors) {
        static CreateExportPayload error(UserError e) { return new CreateExportPayload(null, List.of(e)); }
    }

    @MutationMapping
    public Mono<CreateExportPayload> createExport(@Argument CreateExportInput input, @ContextValue Caller caller,
                                                  @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(CreateExportPayload.error(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found")));
        ExportFiltersInput filters = input.filters() == null ? new ExportFiltersInput(false, false, List.of(), null) : input.filters();
        boolean onlyCompleted = Boolean.TRUE.equals(filters.onlyCompleted());
        boolean onlyGroundTruth = Boolean.TRUE.equals(filters.onlyGroundTruth());
        List<String> userIds = filters.userIds() == null ? List.of() : filters.userIds().stream().distinct().toList();
        if (userIds.size() > MAX_USER_IDS || !userIds.stream().allMatch(Ids::isUuid)) {
            return Mono.just(CreateExportPayload.error(new UserError(ErrorCode.VALIDATION, List.of("filters", "userIds"),
                    "userIds must be at most " + MAX_USER_IDS + " user ids")));
        }
        if (filters.asOf() != null && filters.asOf().isAfter(clock.instant())) {
            return Mono.just(CreateExportPayload.error(new UserError(ErrorCode.VALIDATION, List.of("filters", "asOf"),
                    "asOf cannot be in the future")));
        }
        String projectId = input.projectId();
        TaskSelection selection;
        try {
            selection = DataManagerFilters.selection(input.selection());
        } catch (FilterRefused e) {
            return Mono.just(CreateExportPayload.error(new UserError(e.code(), DataManagerFilters.selectionField(e.field()), e.getMessage())));
        }
        // the config comes from the project's events; a project of another organization is NotFound
        return Mono.fromCallable(() -> configs.current(new ProjectId(projectId), new OrganizationId(caller.organizationId())))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(config -> create(input.format(), config, projectId, onlyCompleted, onlyGroundTruth, userIds, filters.asOf(),
                           Boolean.TRUE.equals(input.rawValues()), caller, clientIp, selection, input.selection()))
                   .onErrorResume(NotFound.class, e -> Mono.just(CreateExportPayload.error(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found"))));
    }

    private Mono<CreateExportPayload> create(ExportFormat format, LabelingConfig config, String projectId, boolean onlyCompleted,
                                             boolean onlyGroundTruth, List<String> userIds, Instant asOf, boolean rawValues, Caller caller,
                                             String clientIp, TaskSelection selection, DataManagerFilters.TaskSelectionInput selectionInput) {
        if (!bodies.fits(format, config)) {
            return Mono.just(CreateExportPayload.error(UserError.of(ErrorCode.VALIDATION, "format",
                    format + " needs " + (format.vision() ? "an image project with rectangles or polygons"
                            : format == ExportFormat.BRUSH_PNG ? "BrushLabels on an Image" : "Labels on a Text"))));
        }
        String jobId = UUID.randomUUID().toString();
        if (selection != null) {
            return createSelected(format, projectId, onlyCompleted, onlyGroundTruth, userIds, asOf, rawValues, caller, clientIp, jobId,
                                  selection, selectionInput);
        }
        // as of an instant, completion and ground truth are decided on the folded task, not today's row
        return exports.snapshot(caller.organizationId(), projectId, onlyCompleted && asOf == null, onlyGroundTruth && asOf == null)
                .flatMap(snapshot -> commands.<Object>send(new RecordProjectExport(new ProjectId(projectId), caller.organization(), format.name(),
                                onlyCompleted, onlyGroundTruth, userIds.stream().map(UserId::new).toList(), asOf, snapshot.taskCount(), jobId, caller.user(),
                                rawValues && format.spreadsheet()),
                                caller, clientIp)
                        .flatMap(r -> {
                            if (!r.ok()) return Mono.just(CreateExportPayload.error(r.error()));
                            ExportJob job = new ExportJob(jobId, caller.organizationId(), projectId, caller.userId(), format, onlyCompleted,
                                    userIds, asOf, snapshot.maxNumber(), ExportJob.State.QUEUED, snapshot.taskCount(), 0, 0, null, 0, null,
                                    clock.instant(), null, null, onlyGroundTruth, rawValues && format.spreadsheet());
                            return Mono.fromCallable(() -> {
                                jobs.create(job);
                                queue.enqueue(jobId);
                                return new CreateExportPayload(job, List.of());
                            }).subscribeOn(Schedulers.boundedElastic());
                        }));
    }

    /**
     * "Export selected": the selection's task numbers are fixed first (export_job_task), then the export is recorded
     * with them (ticked rows: their numbers; all matching: the filter) and the count, then the job is queued. A
     * selection that the export is not recorded for is dropped again.
     */
    private Mono<CreateExportPayload> createSelected(ExportFormat format, String projectId, boolean onlyCompleted, boolean onlyGroundTruth,
                                                     List<String> userIds, Instant asOf, boolean rawValues, Caller caller, String clientIp,
                                                     String jobId, TaskSelection selection, DataManagerFilters.TaskSelectionInput selectionInput) {
        String filterJson = selection.byIds() ? null : json.mapper().writeValueAsString(selectionInput.filter());
        return filters.allowed(caller, projectId, selection.filter())
                .then(exports.snapshot(caller.organizationId(), projectId, false, false))
                .flatMap(snapshot -> exports.fixSelection(jobId, caller.organizationId(), projectId, selection, caller.userId(),
                                onlyCompleted && asOf == null, onlyGroundTruth && asOf == null, snapshot.maxNumber())
                        .onErrorMap(TaskQueries::refusal)
                        .flatMap(count -> count == 0
                                ? Mono.just(CreateExportPayload.error(new UserError(ErrorCode.VALIDATION, List.of("selection"), "No task is selected")))
                                : (selection.byIds() ? exports.selectedNumbers(jobId).map(ExportSelection::ofNumbers)
                                                     : Mono.just(ExportSelection.ofFilter(filterJson)))
                                        .flatMap(recorded -> record(format, projectId, onlyCompleted, onlyGroundTruth, userIds, asOf, rawValues,
                                                caller, clientIp, jobId, count, snapshot.maxNumber(), recorded))))
                .onErrorResume(FilterRefused.class, e -> Mono.just(CreateExportPayload.error(new UserError(e.code(), DataManagerFilters.selectionField(e.field()), e.getMessage()))))
                .flatMap(payload -> payload.job() != null ? Mono.just(payload) : exports.dropSelection(jobId).thenReturn(payload));
    }

    private Mono<CreateExportPayload> record(ExportFormat format, String projectId, boolean onlyCompleted, boolean onlyGroundTruth,
                                             List<String> userIds, Instant asOf, boolean rawValues, Caller caller, String clientIp, String jobId,
                                             long count, long maxNumber, ExportSelection recorded) {
        boolean raw = rawValues && format.spreadsheet();
        return commands.<Object>send(new RecordProjectExport(new ProjectId(projectId), caller.organization(), format.name(), onlyCompleted,
                        onlyGroundTruth, userIds.stream().map(UserId::new).toList(), asOf, count, jobId, caller.user(), raw, recorded), caller, clientIp)
                .flatMap(r -> {
                    if (!r.ok()) return Mono.just(CreateExportPayload.error(r.error()));
                    ExportJob job = new ExportJob(jobId, caller.organizationId(), projectId, caller.userId(), format, onlyCompleted, userIds, asOf,
                            maxNumber, ExportJob.State.QUEUED, count, 0, 0, null, 0, null, clock.instant(), null, null, onlyGroundTruth, raw, true);
                    return Mono.fromCallable(() -> {
                        jobs.create(job);
                        queue.enqueue(jobId);
                        return new CreateExportPayload(job, List.of());
                    }).subscribeOn(Schedulers.boundedElastic());
                });
    }

    @QueryMapping
    public Mono<ExportJob> exportJob(@Argument String id, @ContextValue Caller caller) {
        if (!Ids.isUuid(id)) return Mono.empty();
        return Mono.fromCallable(() -> jobs.get(caller.organizationId(), id, ownerFilter(caller)))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(Mono::justOrEmpty);
    }

    @QueryMapping
    public Mono<List<ExportJob>> exportJobs(@Argument String projectId, @Argument Integer first, @ContextValue Caller caller) {
        if (!Ids.isUuid(projectId)) return Mono.just(List.of());
        int n = first == null ? 20 : Math.clamp(first, 1, 100);
        return Mono.fromCallable(() -> jobs.list(caller.organizationId(), projectId, ownerFilter(caller), n))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @SchemaMapping(typeName = "ExportJob")
    public String downloadUrl(ExportJob job) {
        return job.state() == ExportJob.State.COMPLETED ? "/api/exports/" + job.id() + "/download" : null;
    }

    /** Null for Owners and Admins (all jobs), else the caller's own user id. */
    static String ownerFilter(Caller caller) {
        return SEE_ALL.contains(caller.organizationRole()) ? null : caller.userId();
    }
}
