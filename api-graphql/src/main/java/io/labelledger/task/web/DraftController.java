package io.labelledger.task.web;

import graphql.GraphQLContext;
import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.GraphQlContextInterceptor;
import io.labelledger.api.Json;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.projection.Projection;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.task.api.DiscardDraft;
import io.labelledger.task.api.SaveDraft;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.read.DraftView;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskView;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** Drafts (ADR 0032): each person saves, reads and discards only their own draft on a task. */
@Controller
public class DraftController {
    private final Commands commands;
    private final TaskQueries tasks;
    private final Json json;
    private final ReadYourWrites readYourWrites;

    public DraftController(Commands commands, TaskQueries tasks, Json json, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.tasks = tasks;
        this.json = json;
        this.readYourWrites = readYourWrites;
    }

    public record SaveDraftInput(String taskId, Object result, Double leadTimeSeconds) {}

    public record DiscardDraftInput(String taskId) {}

    public record DraftPayload(DraftView draft, TaskView task, List<UserError> errors) {}

    /** The caller's own draft: the organization and the person come from the session, never from the client. */
    @BatchMapping(typeName = "Task")
    public Mono<Map<TaskView, DraftView>> myDraft(List<TaskView> list, BatchLoaderEnvironment env) {
        Caller caller = ((GraphQLContext) env.getContext()).get(GraphQlContextInterceptor.CALLER);
        return tasks.draftsOf(caller.organizationId(), list.stream().map(TaskView::id).distinct().toList(), caller.userId())
                    .map(drafts -> {
                        Map<TaskView, DraftView> mine = new java.util.HashMap<>();
                        list.forEach(t -> { if (drafts.containsKey(t.id())) mine.put(t, drafts.get(t.id())); });
                        return mine;
                    });
    }

    @SchemaMapping(typeName = "Draft")
    public Object result(DraftView draft) { return json.parse(draft.result()); }

    @MutationMapping
    public Mono<DraftPayload> saveDraft(@Argument SaveDraftInput input, @ContextValue Caller caller,
                                        @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(error(notFound()));
        var cmd = new SaveDraft(new TaskId(input.taskId()), caller.organization(), json.tree(input.result()),
                input.leadTimeSeconds(), caller.user());
        return payload(commands.send(cmd, caller, clientIp), caller, input.taskId());
    }

    @MutationMapping
    public Mono<DraftPayload> discardDraft(@Argument DiscardDraftInput input, @ContextValue Caller caller,
                                           @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(error(notFound()));
        var cmd = new DiscardDraft(new TaskId(input.taskId()), caller.organization(), caller.user());
        return payload(commands.send(cmd, caller, clientIp), caller, input.taskId());
    }

    /** The caller's draft and task once the Data Manager has applied the command's events (bounded wait). */
    private Mono<DraftPayload> payload(Mono<Commands.Result<Object>> sent, Caller caller, String taskId) {
        return sent.flatMap(r -> {
            if (!r.ok()) return Mono.just(error(r.error()));
            return readYourWrites.await(taskId, Projection.DATA_MANAGER)
                    .then(tasks.get(caller.organizationId(), taskId))
                    .flatMap(t -> tasks.draftOf(caller.organizationId(), taskId, caller.userId())
                            .map(d -> new DraftPayload(d, t, List.of()))
                            .defaultIfEmpty(new DraftPayload(null, t, List.of())))
                    .defaultIfEmpty(new DraftPayload(null, null, List.of()));
        });
    }

    private static DraftPayload error(UserError e) { return new DraftPayload(null, null, List.of(e)); }

    private static UserError notFound() { return UserError.of(ErrorCode.NOT_FOUND, "taskId", "Task not found"); }
}
