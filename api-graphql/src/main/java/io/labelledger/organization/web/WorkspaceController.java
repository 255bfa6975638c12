package io.labelledger.organization.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.api.authorization.Authorization;
import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.AddWorkspaceMembers;
import io.labelledger.organization.api.ArchiveWorkspace;
import io.labelledger.organization.api.CreateWorkspace;
import io.labelledger.organization.api.MoveProject;
import io.labelledger.organization.api.RemoveWorkspaceMember;
import io.labelledger.organization.api.RenameWorkspace;
import io.labelledger.organization.api.WorkspaceId;
import io.labelledger.organization.read.MemberView;
import io.labelledger.organization.read.WorkspaceQueries;
import io.labelledger.organization.read.WorkspaceView;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.read.ProjectView;
import io.labelledger.project.web.ProjectController.ProjectPayload;
import io.labelledger.projection.Projection;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Workspaces: groups of projects and the people working on them. Who may call what is decided by the authorization
 * policy first; the Organization aggregate keeps the finer rules (unique names, a Manager manages only the workspaces
 * they belong to, archived workspaces take no projects).
 */
@Controller
public class WorkspaceController {
    private final Commands commands;
    private final WorkspaceQueries workspaces;
    private final ProjectQueries projects;
    private final Authorization authorization;
    private final ReadYourWrites readYourWrites;

    public WorkspaceController(Commands commands, WorkspaceQueries workspaces, ProjectQueries projects,
                               Authorization authorization, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.workspaces = workspaces;
        this.projects = projects;
        this.authorization = authorization;
        this.readYourWrites = readYourWrites;
    }

    public record CreateWorkspaceInput(String name) {}

    public record RenameWorkspaceInput(String workspaceId, String name) {}

    public record ArchiveWorkspaceInput(String workspaceId, boolean archived) {}

    public record WorkspaceMembersInput(String workspaceId, List<String> userIds) {}

    public record WorkspaceMemberInput(String workspaceId, String userId) {}

    public record MoveProjectInput(String projectId, String workspaceId) {}

    public record WorkspacePayload(WorkspaceView workspace, List<UserError> errors) {}

    @QueryMapping
    public Mono<List<WorkspaceView>> workspaces(@Argument Boolean includeArchived, @ContextValue Caller caller) {
        String member = authorization.seesAllProjects(caller, "Query.workspaces") ? null : caller.userId();
        return workspaces.list(caller.organizationId(), member, Boolean.TRUE.equals(includeArchived)).collectList();
    }

    @QueryMapping
    public Mono<WorkspaceView> workspace(@Argument String id, @ContextValue Caller caller) {
        if (!Ids.isUuid(id)) return Mono.empty();
        Mono<WorkspaceView> found = workspaces.get(caller.organizationId(), id);
        if (authorization.seesAllProjects(caller, "Query.workspace")) return found;
        // the others see the workspaces they belong to; any other is "not found" for them
        return workspaces.isMember(caller.organizationId(), id, caller.userId()).filter(Boolean::booleanValue).flatMap(member -> found);
    }

    /** Rule {@code Workspace.members} (rules.csv), applied by the authorization instrumentation before this runs. */
    @SchemaMapping(typeName = "Workspace")
    public Mono<List<MemberView>> members(WorkspaceView workspace, @ContextValue Caller caller) {
        return workspaces.members(caller.organizationId(), workspace.id()).collectList();
    }

    /** Which members an identity provider granted (docs/adr/0020), so the page can tell them from hand-added ones. */
    @SchemaMapping(typeName = "Workspace")
    public Mono<List<io.labelledger.organization.read.WorkspaceMemberGrantView>> memberGrants(WorkspaceView workspace, @ContextValue Caller caller) {
        return workspaces.memberGrants(caller.organizationId(), workspace.id()).collectList();
    }

    /** One query for the workspaces of a page of projects. */
    @BatchMapping(typeName = "Project", field = "workspace")
    public Mono<Map<ProjectView, WorkspaceView>> projectWorkspaces(List<ProjectView> page, @ContextValue Caller caller) {
        List<String> ids = page.stream().map(ProjectView::workspaceId).filter(Objects::nonNull).distinct().toList();
        return workspaces.byIds(caller.organizationId(), ids).collectMap(WorkspaceView::id, Function.identity())
                         .map(byId -> page.stream().filter(p -> p.workspaceId() != null && byId.containsKey(p.workspaceId()))
                                          .collect(Collectors.toMap(Function.identity(), p -> byId.get(p.workspaceId()), (a, b) -> a)));
    }

    @MutationMapping
    public Mono<WorkspacePayload> createWorkspace(@Argument CreateWorkspaceInput input, @ContextValue Caller caller,
                                                  @ContextValue(required = false) String clientIp) {
        String id = UUID.randomUUID().toString();
        return after(commands.send(new CreateWorkspace(caller.organization(), new WorkspaceId(id), input.name(), caller.user()), caller, clientIp),
                caller, id);
    }

    @MutationMapping
    public Mono<WorkspacePayload> renameWorkspace(@Argument RenameWorkspaceInput input, @ContextValue Caller caller,
                                                  @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.workspaceId())) return Mono.just(notFound());
        return after(commands.send(new RenameWorkspace(caller.organization(), new WorkspaceId(input.workspaceId()), input.name(), caller.user()),
                caller, clientIp), caller, input.workspaceId());
    }

    @MutationMapping
    public Mono<WorkspacePayload> archiveWorkspace(@Argument ArchiveWorkspaceInput input, @ContextValue Caller caller,
                                                   @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.workspaceId())) return Mono.just(notFound());
        return after(commands.send(new ArchiveWorkspace(caller.organization(), new WorkspaceId(input.workspaceId()), input.archived(), caller.user()),
                caller, clientIp), caller, input.workspaceId());
    }

    @MutationMapping
    public Mono<WorkspacePayload> addWorkspaceMembers(@Argument WorkspaceMembersInput input, @ContextValue Caller caller,
                                                      @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.workspaceId())) return Mono.just(notFound());
        if (input.userIds().stream().anyMatch(u -> !Ids.isUuid(u))) {
            return Mono.just(new WorkspacePayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "userIds", "Member not found"))));
        }
        List<UserId> users = input.userIds().stream().map(UserId::new).toList();
        return after(commands.send(new AddWorkspaceMembers(caller.organization(), new WorkspaceId(input.workspaceId()), users, caller.user()),
                caller, clientIp), caller, input.workspaceId());
    }

    @MutationMapping
    public Mono<WorkspacePayload> removeWorkspaceMember(@Argument WorkspaceMemberInput input, @ContextValue Caller caller,
                                                        @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.workspaceId())) return Mono.just(notFound());
        if (!Ids.isUuid(input.userId())) return Mono.just(new WorkspacePayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "userId", "Member not found"))));
        return after(commands.send(new RemoveWorkspaceMember(caller.organization(), new WorkspaceId(input.workspaceId()),
                new UserId(input.userId()), caller.user()), caller, clientIp), caller, input.workspaceId());
    }

    @MutationMapping
    public Mono<ProjectPayload> moveProject(@Argument MoveProjectInput input, @ContextValue Caller caller,
                                            @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(projectError(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found")));
        if (input.workspaceId() != null && !Ids.isUuid(input.workspaceId())) {
            return Mono.just(projectError(UserError.of(ErrorCode.NOT_FOUND, "workspaceId", "Workspace not found")));
        }
        // the project must exist in the caller's organization: the aggregate only knows workspaces
        return projects.get(caller.organizationId(), input.projectId())
                .flatMap(p -> move(caller, clientIp, input.projectId(), input.workspaceId()))
                .switchIfEmpty(Mono.fromSupplier(() -> projectError(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found"))));
    }

    /** Shared with project creation: places a project and answers with the project as the read side has it afterwards. */
    public Mono<ProjectPayload> move(Caller caller, String clientIp, String projectId, String workspaceId) {
        var cmd = new MoveProject(caller.organization(), new ProjectId(projectId), workspaceId == null ? null : new WorkspaceId(workspaceId), caller.user());
        return commands.send(cmd, caller, clientIp).flatMap(r -> !r.ok()
                ? Mono.just(projectError(r.error()))
                : readYourWrites.await(caller.organizationId(), Projection.DIRECTORY)
                                .then(projects.get(caller.organizationId(), projectId))
                                .map(p -> new ProjectPayload(p, List.of())));
    }

    private Mono<WorkspacePayload> after(Mono<? extends Commands.Result<?>> sent, Caller caller, String workspaceId) {
        return sent.flatMap(r -> !r.ok()
                ? Mono.just(new WorkspacePayload(null, List.of(r.error())))
                : readYourWrites.await(caller.organizationId(), Projection.DIRECTORY)
                                .then(workspaces.get(caller.organizationId(), workspaceId))
                                .map(w -> new WorkspacePayload(w, List.of()))
                                .defaultIfEmpty(new WorkspacePayload(null, List.of())));
    }

    private static WorkspacePayload notFound() {
        return new WorkspacePayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "workspaceId", "Workspace not found")));
    }

    private static ProjectPayload projectError(UserError error) {
        return new ProjectPayload(null, List.of(error));
    }
}
