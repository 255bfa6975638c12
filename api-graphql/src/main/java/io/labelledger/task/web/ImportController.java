package io.labelledger.task.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.projection.Projection;
import io.labelledger.project.config.OrganizationLabelingConfigs;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.task.api.ImportId;
import io.labelledger.task.api.ImportTasks;
import io.labelledger.task.api.NewTask;
import io.labelledger.project.api.ProjectId;
import io.labelledger.task.importing.ImportFormat;
import io.labelledger.task.importing.LabelStudioTaskParser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Imports tasks from Label Studio task JSON, NDJSON, CSV, TSV, plain text or a list of URLs ({@link ImportFormat}).
 * The whole file is parsed and checked first; with ALL_OR_NOTHING (the default)
 * one bad record rejects the import and nothing is written. Accepted tasks are appended in batches of
 * {@value #BATCH} tasks, one command (one transaction) per batch, in order.
 */
@Controller
public class ImportController {
    static final int BATCH = 1000;

    private final Commands commands;
    private final OrganizationLabelingConfigs configs;
    private final LabelStudioTaskParser parser;
    private final ReadYourWrites readYourWrites;

    public ImportController(Commands commands, OrganizationLabelingConfigs configs, LabelStudioTaskParser parser,
                            ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.commands = commands;
        this.configs = configs;
        this.parser = parser;
    }

    public enum ImportMode { ALL_OR_NOTHING, SKIP_BAD }

    public record ImportTasksInput(String projectId, String json, ImportMode mode, ImportFormat format) {}

    public record ImportTasksPayload(int importedCount, List<LabelStudioTaskParser.Rejection> rejected, List<UserError> errors) {
        static ImportTasksPayload error(UserError e) { return new ImportTasksPayload(0, List.of(), List.of(e)); }
    }

    @MutationMapping
    public Mono<ImportTasksPayload> importTasks(@Argument ImportTasksInput input, @ContextValue Caller caller,
                                                @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(ImportTasksPayload.error(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found")));
        ImportMode mode = input.mode() == null ? ImportMode.ALL_OR_NOTHING : input.mode();
        // the config comes from the project's events, not the read model, which may lag a just-created project
        return Mono.fromCallable(() -> parser.parse(input.format(), input.json(), configs.current(new ProjectId(input.projectId()), caller.organization())))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(parsed -> {
                    if (parsed.error() != null) {
                        return Mono.just(ImportTasksPayload.error(UserError.of(ErrorCode.INVALID_IMPORT, "json", parsed.error())));
                    }
                    if (!parsed.rejections().isEmpty() && mode == ImportMode.ALL_OR_NOTHING) {
                        return Mono.just(new ImportTasksPayload(0, parsed.rejections(), List.of(UserError.of(ErrorCode.INVALID_IMPORT, "json",
                                parsed.rejections().size() + " record(s) are invalid; nothing was imported"))));
                    }
                    if (parsed.tasks().isEmpty()) {
                        return Mono.just(new ImportTasksPayload(0, parsed.rejections(), List.of(UserError.of(ErrorCode.INVALID_IMPORT, "json",
                                "No valid record to import"))));
                    }
                    return send(parsed.tasks(), input.projectId(), caller, clientIp, parsed.rejections());
                })
                .onErrorResume(NotFound.class, e -> Mono.just(ImportTasksPayload.error(UserError.of(e))));
    }

    private Mono<ImportTasksPayload> send(List<NewTask> tasks, String projectId, Caller caller, String clientIp,
                                          List<LabelStudioTaskParser.Rejection> rejected) {
        ImportId importId = new ImportId(UUID.randomUUID().toString());
        int batches = (tasks.size() + BATCH - 1) / BATCH;
        return Flux.range(0, batches)
                   .concatMap(b -> commands.<Integer>send(new ImportTasks(new ProjectId(projectId), caller.organization(), importId,
                           tasks.subList(b * BATCH, Math.min(tasks.size(), (b + 1) * BATCH)), caller.user()), caller, clientIp))
                   .takeUntil(r -> !r.ok())
                   .collectList()
                   .flatMap(results -> {
                       int imported = results.stream().filter(Commands.Result::ok).mapToInt(Commands.Result::value).sum();
                       List<UserError> errors = results.stream().filter(r -> !r.ok()).map(Commands.Result::error).toList();
                       ImportTasksPayload payload = new ImportTasksPayload(imported, rejected, errors);
                       if (imported == 0) return Mono.just(payload);
                       // batches land in order: once the last imported task is in the Data Manager, all are
                       // allow the projection about a second per 1,000 tasks beyond the default wait, at most a minute
                       Duration wait = ReadYourWrites.DEFAULT_WAIT.plusMillis(Math.min(55_000L, imported));
                       return readYourWrites.await(tasks.get(imported - 1).taskId().value(), wait, Projection.DATA_MANAGER).thenReturn(payload);
                   });
    }

}
