package io.labelledger.project.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.read.UserQueries;
import io.labelledger.project.api.PauseAnnotator;
import io.labelledger.project.api.PauseSource;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.ProjectSettings;
import io.labelledger.project.api.ResumeAnnotator;
import io.labelledger.project.api.SettingsNotice;
import io.labelledger.project.api.UpdateProjectSettings;
import io.labelledger.project.read.PauseView;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.read.ProjectView;
import io.labelledger.projection.Projection;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** Workflow settings and pausing (issue 11, ADR 0036): commands on the Project aggregate, read from rm_project. */
@Controller
public class ProjectSettingsController {
    private final Commands commands;
    private final ProjectQueries projects;
    private final ReadYourWrites readYourWrites;
    private final ProjectSettingsReader reader;
    private final UserQueries users;

    public ProjectSettingsController(Commands commands, ProjectQueries projects, ReadYourWrites readYourWrites, ProjectSettingsReader reader,
                                     UserQueries users) {
        this.commands = commands;
        this.projects = projects;
        this.readYourWrites = readYourWrites;
        this.reader = reader;
        this.users = users;
    }

    public record UpdateProjectSettingsInput(String projectId, ProjectSettings.General general, ProjectSettings.Distribution distribution,
                                             ProjectSettings.Skipping skipping, ProjectSettings.Annotating annotating,
                                             ProjectSettings.Review review) {}

    public record ProjectSettingsPayload(ProjectView project, List<SettingsNotice> notices, List<UserError> errors) {}

    public record PauseAnnotatorInput(String projectId, String userId, String reason) {}

    public record ResumeAnnotatorInput(String projectId, String userId) {}

    public record PausePayload(ProjectView project, List<UserError> errors) {}

    public record PersonView(String id, String displayName) {}

    public record PausedAnnotatorView(String userId, String reason, String source, String pausedById, Instant pausedAt) {}

    @MutationMapping
    public Mono<ProjectSettingsPayload> updateProjectSettings(@Argument UpdateProjectSettingsInput input, @ContextValue Caller caller,
                                                             @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(new ProjectSettingsPayload(null, List.of(), List.of(notFound())));
        var cmd = new UpdateProjectSettings(new ProjectId(input.projectId()), caller.organization(), input.general(), input.distribution(),
                input.skipping(), input.annotating(), input.review(), caller.user());
        return commands.<List<SettingsNotice>>send(cmd, caller, clientIp).flatMap(r -> !r.ok()
                ? Mono.just(new ProjectSettingsPayload(null, List.of(), List.of(r.error())))
                : project(caller, input.projectId()).map(p -> new ProjectSettingsPayload(p, r.value() == null ? List.of() : r.value(), List.of()))
                                                    .defaultIfEmpty(new ProjectSettingsPayload(null, r.value(), List.of())));
    }

    @MutationMapping
    public Mono<PausePayload> pauseAnnotator(@Argument PauseAnnotatorInput input, @ContextValue Caller caller,
                                             @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(new PausePayload(null, List.of(notFound())));
        if (!Ids.isUuid(input.userId())) return Mono.just(new PausePayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "userId", "Person not found"))));
        var cmd = new PauseAnnotator(new ProjectId(input.projectId()), caller.organization(), new UserId(input.userId()), input.reason(),
                PauseSource.MANAGER, caller.user());
        return pausePayload(commands.send(cmd, caller, clientIp), caller, input.projectId());
    }

    @MutationMapping
    public Mono<PausePayload> resumeAnnotator(@Argument ResumeAnnotatorInput input, @ContextValue Caller caller,
                                              @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(new PausePayload(null, List.of(notFound())));
        if (!Ids.isUuid(input.userId())) return Mono.just(new PausePayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "userId", "Person not found"))));
        var cmd = new ResumeAnnotator(new ProjectId(input.projectId()), caller.organization(), new UserId(input.userId()), caller.user());
        return pausePayload(commands.send(cmd, caller, clientIp), caller, input.projectId());
    }

    private Mono<PausePayload> pausePayload(Mono<Commands.Result<Object>> sent, Caller caller, String projectId) {
        return sent.flatMap(r -> !r.ok() ? Mono.just(new PausePayload(null, List.of(r.error())))
                : project(caller, projectId).map(p -> new PausePayload(p, List.of())).defaultIfEmpty(new PausePayload(null, List.of())));
    }

    private Mono<ProjectView> project(Caller caller, String projectId) {
        return readYourWrites.await(projectId, Projection.DATA_MANAGER).then(projects.get(caller.organizationId(), projectId));
    }

    @SchemaMapping(typeName = "Project")
    public Mono<ProjectSettings> settings(ProjectView project) {
        return reader.settingsOf(project.organizationId(), project.id()).defaultIfEmpty(ProjectSettings.DEFAULTS);
    }

    @SchemaMapping(typeName = "Project")
    public Mono<Integer> settingsVersion(ProjectView project) {
        return projects.settings(project.organizationId(), project.id()).map(io.labelledger.project.read.SettingsView::version).defaultIfEmpty(0);
    }

    @SchemaMapping(typeName = "Project")
    public Mono<List<PausedAnnotatorView>> pausedAnnotators(ProjectView project) {
        return projects.pauses(project.organizationId(), project.id())
                       .map(p -> new PausedAnnotatorView(p.userId(), p.reason(), p.source(), p.pausedBy(), p.pausedAt())).collectList();
    }

    @SchemaMapping(typeName = "PausedAnnotator")
    public Mono<PersonView> user(PausedAnnotatorView pause) { return person(pause.userId()); }

    @SchemaMapping(typeName = "PausedAnnotator")
    public Mono<PersonView> pausedBy(PausedAnnotatorView pause) { return person(pause.pausedById()); }

    private Mono<PersonView> person(String id) {
        if (id == null) return Mono.empty();
        return users.displayNames(List.of(id)).map(names -> new PersonView(id, names.getOrDefault(id, "(unknown user)")));
    }

    private static UserError notFound() {
        return UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found");
    }
}
