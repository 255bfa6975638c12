package io.labelledger.project.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.Connection;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.projection.Projection;
import io.labelledger.api.UserError;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.project.api.ChangeLabelingConfig;
import io.labelledger.project.api.CreateProject;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.UpdateProjectDetails;
import io.labelledger.project.config.ControlTag;
import io.labelledger.project.config.InvalidLabelConfig;
import io.labelledger.project.config.ObjectTag;
import io.labelledger.organization.read.WorkspaceQueries;
import io.labelledger.organization.web.WorkspaceController;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.read.ProjectView;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.shared.read.Cursor;
import io.labelledger.task.read.TaskOrder;
import io.labelledger.task.read.filter.FilterOperator;
import io.labelledger.task.read.filter.TaskColumn;
import io.labelledger.task.read.filter.TaskCondition;
import io.labelledger.task.read.filter.TaskFilter;
import io.labelledger.task.read.TaskQueries;
import io.labelledger.task.read.TaskView;
import io.labelledger.task.web.DataManagerFilters;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Controller
public class ProjectController {
    private final Commands commands;
    private final ProjectQueries projects;
    private final TaskQueries tasks;
    private final LabelingConfigCache configs;
    private final Clock clock;
    private final ReadYourWrites readYourWrites;
    private final Authorization authorization;
    private final WorkspaceQueries workspaces;
    private final WorkspaceController workspaceMoves;
    private final DataManagerFilters filters;

    public ProjectController(Commands commands, ProjectQueries projects, TaskQueries tasks, LabelingConfigCache configs, Clock clock,
                             ReadYourWrites readYourWrites, Authorization authorization, WorkspaceQueries workspaces,
                             WorkspaceController workspaceMoves, DataManagerFilters filters) {
        this.filters = filters;
        this.authorization = authorization;
        this.workspaces = workspaces;
        this.workspaceMoves = workspaceMoves;
        this.readYourWrites = readYourWrites;
        this.commands = commands;
        this.projects = projects;
        this.tasks = tasks;
        this.configs = configs;
        this.clock = clock;
    }

    public record CreateProjectInput(String title, String description, String labelConfig, String workspaceId) {}

    public record UpdateProjectInput(String projectId, String title, String description, String labelConfig) {}

    public record ProjectPayload(ProjectView project, List<UserError> errors) {}

    public record ControlView(String name, String type, List<String> toName, List<String> options, String choice, boolean required) {}

    public record TaskOrderInput(TaskOrder.Field field, String direction, List<String> path) {
        public TaskOrder order() {
            return new TaskOrder(field, "DESC".equals(direction), path);
        }
    }

    public record TaskConditionInput(TaskColumn column, List<String> path, FilterOperator operator, Object value) {}

    /** The Data Manager's filter: review state and ground truth always apply, the conditions with their conjunction. */
    public record TaskFilterInput(io.labelledger.task.read.ReviewState reviewState, Boolean groundTruth, String conjunction,
                                  List<TaskConditionInput> conditions) {
        public TaskFilter conditionsFilter() {
            if (conditions == null) return TaskFilter.NONE;
            return new TaskFilter("OR".equals(conjunction),
                    conditions.stream().map(c -> new TaskCondition(c.column(), c.path(), c.operator(), c.value())).toList());
        }
    }

    @QueryMapping
    public Mono<Connection.Page<ProjectView>> projects(@Argument Integer first, @Argument String after, @Argument String workspaceId,
                                                       @ContextValue Caller caller) {
        int limit = Connection.size(first);
        if (workspaceId != null && !Ids.isUuid(workspaceId)) return Mono.just(Connection.of(List.of(), limit, p -> "", null));
        String member = authorization.seesAllProjects(caller, "Query.projects") ? null : caller.userId();
        return projects.list(caller.organizationId(), member, workspaceId, limit + 1, Cursor.decode(after)).collectList()
                       .map(rows -> Connection.of(rows, limit, p -> ProjectQueries.cursorOf(p).encode(), null));
    }

    @QueryMapping
    public Mono<ProjectView> project(@Argument String id, @ContextValue Caller caller) {
        return projects.get(caller.organizationId(), id);
    }

    @MutationMapping
    public Mono<ProjectPayload> createProject(@Argument CreateProjectInput input, @ContextValue Caller caller,
                                              @ContextValue(required = false) String clientIp) {
        if (input.workspaceId() == null) return create(input, caller, clientIp);
        // checked before creating, so that a refused workspace leaves no project behind
        UserError notFound = UserError.of(ErrorCode.NOT_FOUND, "workspaceId", "Workspace not found");
        Mono<Optional<UserError>> refusal = !Ids.isUuid(input.workspaceId()) ? Mono.just(Optional.of(notFound))
                : workspaces.get(caller.organizationId(), input.workspaceId())
                        .flatMap(w -> w.archived()
                                ? Mono.just(Optional.of(UserError.of(ErrorCode.CONFLICT, "workspaceId", "The workspace \"" + w.name() + "\" is archived")))
                                : authorization.seesAllProjects(caller, "Query.projects") ? Mono.just(Optional.<UserError>empty())
                                : workspaces.isMember(caller.organizationId(), w.id(), caller.userId()).map(in -> in ? Optional.<UserError>empty()
                                        : Optional.of(UserError.of(ErrorCode.FORBIDDEN, "workspaceId", "You do not belong to this workspace"))))
                        .defaultIfEmpty(Optional.of(notFound));
        return refusal.flatMap(error -> error.isPresent() ? Mono.just(new ProjectPayload(null, List.of(error.get())))
                : create(input, caller, clientIp).flatMap(created -> created.project() == null ? Mono.just(created)
                        : workspaceMoves.move(caller, clientIp, created.project().id(), input.workspaceId())
                                        // placed or not, the project exists: answer with it and the placement's error
                                        .map(moved -> moved.project() != null ? moved : new ProjectPayload(created.project(), moved.errors()))));
    }

    private Mono<ProjectPayload> create(CreateProjectInput input, Caller caller, String clientIp) {
        String id = UUID.randomUUID().toString();
        CreateProject cmd = new CreateProject(new ProjectId(id), caller.organization(), input.title(), input.description(),
                input.labelConfig(), caller.user());
        return commands.<Object>send(cmd, caller, clientIp).flatMap(r -> {
            if (!r.ok()) return Mono.just(new ProjectPayload(null, List.of(r.error())));
            var now = clock.instant();
            ProjectView established = new ProjectView(id, caller.organizationId(), input.title().strip(),
                    input.description() == null ? "" : input.description().strip(), input.labelConfig(), 1,
                    caller.userId(), now, 0, 0, 0, null, false);
            return readYourWrites.await(id, Projection.DATA_MANAGER)
                                 .then(projects.get(caller.organizationId(), id))
                                 .defaultIfEmpty(established) // the projection is late beyond the wait: answer with what the command established
                                 .map(p -> new ProjectPayload(p, List.of()));
        });
    }

    @MutationMapping
    public Mono<ProjectPayload> updateProject(@Argument UpdateProjectInput input, @ContextValue Caller caller,
                                              @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) {
            return Mono.just(new ProjectPayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found"))));
        }
        ProjectId id = new ProjectId(input.projectId());
        Mono<Commands.Result<Object>> details = input.title() == null && input.description() == null
                ? Mono.just(new Commands.Result<>(null, null))
                : commands.send(new UpdateProjectDetails(id, caller.organization(), input.title(), input.description(), caller.user()), caller, clientIp);
        return details.flatMap(r -> {
            if (!r.ok() || input.labelConfig() == null) return Mono.just(r);
            return commands.<Object>send(new ChangeLabelingConfig(id, caller.organization(), input.labelConfig(), caller.user()), caller, clientIp);
        }).flatMap(r -> r.ok()
                ? readYourWrites.await(id.value(), Projection.DATA_MANAGER)
                                .then(projects.get(caller.organizationId(), id.value())).map(p -> new ProjectPayload(p, List.of()))
                : Mono.just(new ProjectPayload(null, List.of(r.error()))));
    }

    @SchemaMapping(typeName = "Project")
    public List<ControlView> controls(ProjectView project) { return controlsOf(configs, project.labelConfig()); }

    @SchemaMapping(typeName = "Project")
    public List<ObjectTag> objects(ProjectView project) { return objectsOf(configs, project.labelConfig()); }

    /** The controls of a config XML, as the labeling UI needs them (also for older config versions). */
    public static List<ControlView> controlsOf(LabelingConfigCache configs, String xml) {
        try {
            return configs.parse(xml).controls().stream()
                          .map((ControlTag c) -> new ControlView(c.name(), c.type(), c.toName(), c.options(), c.choice(), c.required()))
                          .toList();
        } catch (InvalidLabelConfig e) {
            return List.of(); // configs in events were valid when written; a stricter parser must not break reads
        }
    }

    public static List<ObjectTag> objectsOf(LabelingConfigCache configs, String xml) {
        try {
            return configs.parse(xml).objects();
        } catch (InvalidLabelConfig e) {
            return List.of();
        }
    }

    @SchemaMapping(typeName = "Project")
    public Mono<Connection.Page<TaskView>> tasks(ProjectView project, @Argument Integer first, @Argument String after,
                                                 @Argument TaskOrderInput orderBy, @Argument TaskFilterInput filter,
                                                 @ContextValue Caller caller) {
        int limit = Connection.size(first);
        TaskOrder order = orderBy == null ? TaskOrder.DEFAULT : orderBy.order();
        var reviewState = filter == null ? null : filter.reviewState();
        Boolean groundTruth = filter == null ? null : filter.groundTruth();
        TaskFilter conditions = filter == null ? TaskFilter.NONE : filter.conditionsFilter();
        return filters.scoped(caller, project.id(), conditions)
                      .flatMap(f -> tasks.page(caller.organizationId(), project.id(), order, reviewState, groundTruth, f.filter(), caller.userId(),
                                               f.onlyAssignedTo(), limit + 1, Cursor.decode(after)).collectList())
                    .map(rows -> {
                        Connection.Page<TaskQueries.Row> page = Connection.of(rows, limit, r -> TaskQueries.cursorOf(r, order).encode(), project.taskCount());
                        return new Connection.Page<>(page.edges().stream().map(e -> new Connection.Edge<>(e.cursor(), e.node().task())).toList(),
                                page.pageInfo(), page.totalCount());
                    });
    }
}
