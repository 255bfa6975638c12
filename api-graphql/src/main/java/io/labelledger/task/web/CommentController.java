package io.labelledger.task.web;

import graphql.GraphQLContext;
import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.GraphQlContextInterceptor;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.projection.Projection;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.task.api.AddComment;
import io.labelledger.task.api.AnnotationId;
import io.labelledger.task.api.CommentId;
import io.labelledger.task.api.DeleteComment;
import io.labelledger.task.api.ReopenComment;
import io.labelledger.task.api.ResolveComment;
import io.labelledger.task.api.TaskId;
import io.labelledger.task.read.AnnotationView;
import io.labelledger.task.read.CommentView;
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

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Threaded comments on annotations and regions (ADR 0032). Whoever may see the task's annotations reads and adds them;
 * the author and Managers or above (organization role) resolve, reopen and delete (rules.csv, then the Task aggregate).
 */
@Controller
public class CommentController {
    /** Organization roles that moderate every comment of the projects they reach. */
    static final Set<OrganizationRole> MODERATORS = EnumSet.of(OrganizationRole.OWNER, OrganizationRole.ADMIN, OrganizationRole.MANAGER);

    private final Commands commands;
    private final TaskQueries tasks;
    private final ReadYourWrites readYourWrites;
    private final AnnotationVisibility visibility;

    public CommentController(Commands commands, TaskQueries tasks, ReadYourWrites readYourWrites, AnnotationVisibility visibility) {
        this.commands = commands;
        this.tasks = tasks;
        this.readYourWrites = readYourWrites;
        this.visibility = visibility;
    }

    public record AddCommentInput(String taskId, String annotationId, String regionId, String parentId, String text) {}

    public record CommentInput(String taskId, String commentId) {}

    public record CommentPayload(CommentView comment, List<UserError> errors) {}

    @BatchMapping(typeName = "Annotation")
    public Mono<Map<AnnotationView, List<CommentView>>> comments(List<AnnotationView> annotations, BatchLoaderEnvironment env) {
        Caller caller = ((GraphQLContext) env.getContext()).get(GraphQlContextInterceptor.CALLER);
        return tasks.commentsOf(caller.organizationId(), annotations.stream().map(AnnotationView::id).distinct().toList())
                    .map(byAnnotation -> annotations.stream().distinct().collect(Collectors.toMap(Function.identity(),
                            a -> byAnnotation.getOrDefault(a.id(), List.of()))));
    }

    /** Kept by the Data Manager projection (CommentCounts): the live comments of the task's live annotations. */
    @SchemaMapping(typeName = "Task")
    public int commentCount(TaskView task) { return task.columns().commentCount(); }

    @SchemaMapping(typeName = "Task")
    public int unresolvedCommentCount(TaskView task) { return task.columns().unresolvedCommentCount(); }

    @MutationMapping
    public Mono<CommentPayload> addComment(@Argument AddCommentInput input, @ContextValue Caller caller,
                                           @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(error(notFound("taskId", "Task")));
        if (!Ids.isUuid(input.annotationId())) return Mono.just(error(notFound("annotationId", "Annotation")));
        if (input.parentId() != null && !Ids.isUuid(input.parentId())) return Mono.just(error(notFound("parentId", "Comment")));
        String commentId = UUID.randomUUID().toString();
        // blind labeling: the aggregate answers "not found" for another person's annotation
        return visibility.seesEveryAnnotationOfTask(caller, input.taskId()).flatMap(all -> {
            var cmd = new AddComment(new TaskId(input.taskId()), caller.organization(), new CommentId(commentId),
                    new AnnotationId(input.annotationId()), input.regionId(),
                    input.parentId() == null ? null : new CommentId(input.parentId()), input.text(), caller.user(), !all);
            return payload(commands.send(cmd, caller, clientIp), caller, input.taskId(), commentId);
        });
    }

    @MutationMapping
    public Mono<CommentPayload> resolveComment(@Argument CommentInput input, @ContextValue Caller caller,
                                               @ContextValue(required = false) String clientIp) {
        return change(input, caller, clientIp, (task, comment, own) -> new ResolveComment(task, caller.organization(), comment, caller.user(), moderator(caller), own));
    }

    @MutationMapping
    public Mono<CommentPayload> reopenComment(@Argument CommentInput input, @ContextValue Caller caller,
                                              @ContextValue(required = false) String clientIp) {
        return change(input, caller, clientIp, (task, comment, own) -> new ReopenComment(task, caller.organization(), comment, caller.user(), moderator(caller), own));
    }

    @MutationMapping
    public Mono<CommentPayload> deleteComment(@Argument CommentInput input, @ContextValue Caller caller,
                                              @ContextValue(required = false) String clientIp) {
        return change(input, caller, clientIp, (task, comment, own) -> new DeleteComment(task, caller.organization(), comment, caller.user(), moderator(caller), own));
    }

    /** A change of a comment; {@code onlyOwnAnnotations} (blind labeling) from the session and the project's settings. */
    private interface CommentChange {
        Object command(TaskId task, CommentId comment, boolean onlyOwnAnnotations);
    }

    private Mono<CommentPayload> change(CommentInput input, Caller caller, String clientIp, CommentChange command) {
        if (!Ids.isUuid(input.taskId())) return Mono.just(error(notFound("taskId", "Task")));
        if (!Ids.isUuid(input.commentId())) return Mono.just(error(notFound("commentId", "Comment")));
        return visibility.seesEveryAnnotationOfTask(caller, input.taskId()).flatMap(all -> payload(
                commands.send(command.command(new TaskId(input.taskId()), new CommentId(input.commentId()), !all), caller, clientIp),
                caller, input.taskId(), input.commentId()));
    }

    /** The role comes from the authenticated session, never from the client. */
    private static boolean moderator(Caller caller) { return MODERATORS.contains(caller.organizationRole()); }

    private Mono<CommentPayload> payload(Mono<Commands.Result<Object>> sent, Caller caller, String taskId, String commentId) {
        return sent.flatMap(r -> !r.ok()
                ? Mono.just(error(r.error()))
                : readYourWrites.await(taskId, Projection.DATA_MANAGER)
                                .then(tasks.comment(caller.organizationId(), commentId))
                                .map(c -> new CommentPayload(c, List.of()))
                                .defaultIfEmpty(new CommentPayload(null, List.of())));
    }

    private static CommentPayload error(UserError e) { return new CommentPayload(null, List.of(e)); }

    private static UserError notFound(String field, String what) { return UserError.of(ErrorCode.NOT_FOUND, field, what + " not found"); }
}
