package io.labelledger.project.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.project.api.DeleteProject;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.project.read.ProjectView;
import io.labelledger.projection.Projection;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import io.labelledger.task.read.DataManagerTabs;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The Settings' danger zone (issue 11, ADR 0042). Deleting tasks is a bulk action (bulkTaskAction DELETE with a
 * selection of all tasks); here: deleting the project (DeleteProject → ProjectDeleted: the read models and export files
 * go, the events stay, the audit log names who) and dropping every saved Data Manager tab (plain state, ADR 0038).
 */
@Controller
public class DangerZoneController {
    private final Commands commands;
    private final ProjectQueries projects;
    private final DataManagerTabs tabs;
    private final ReadYourWrites readYourWrites;

    public DangerZoneController(Commands commands, ProjectQueries projects, DataManagerTabs tabs, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.projects = projects;
        this.tabs = tabs;
        this.readYourWrites = readYourWrites;
    }

    public record DeleteProjectInput(String projectId, String title) {}

    public record DeleteProjectPayload(boolean deleted, List<UserError> errors) {}

    public record DropDataManagerTabsInput(String projectId) {}

    public record DropDataManagerTabsPayload(long dropped, ProjectView project, List<UserError> errors) {}

    @MutationMapping
    public Mono<DeleteProjectPayload> deleteProject(@Argument DeleteProjectInput input, @ContextValue Caller caller,
                                                    @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(new DeleteProjectPayload(false, List.of(notFound())));
        return commands.send(new DeleteProject(new ProjectId(input.projectId()), caller.organization(), input.title(), caller.user()), caller, clientIp)
                       .flatMap(r -> !r.ok() ? Mono.just(new DeleteProjectPayload(false, List.of(r.error())))
                               // gone from the lists when this answers (bounded wait)
                               : readYourWrites.await(input.projectId(), Projection.DATA_MANAGER, Projection.DIRECTORY)
                                               .thenReturn(new DeleteProjectPayload(true, List.of())));
    }

    @MutationMapping
    public Mono<DropDataManagerTabsPayload> dropDataManagerTabs(@Argument DropDataManagerTabsInput input, @ContextValue Caller caller) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(new DropDataManagerTabsPayload(0, null, List.of(notFound())));
        return projects.get(caller.organizationId(), input.projectId())
                       .flatMap(p -> tabs.dropAll(caller.organizationId(), p.id()).map(n -> new DropDataManagerTabsPayload(n, p, List.of())))
                       .defaultIfEmpty(new DropDataManagerTabsPayload(0, null, List.of(notFound())));
    }

    private static UserError notFound() {
        return UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found");
    }
}
