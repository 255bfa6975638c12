package io.labelledger.project.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.project.api.ChangeMediaProxy;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.read.ProjectQueries;
import io.labelledger.projection.Projection;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;

/** The project setting that lets the storage proxy fetch the URLs of task data (ADR 0019). */
@Controller
public class MediaProxySettingController {
    private final Commands commands;
    private final ProjectQueries projects;
    private final ReadYourWrites readYourWrites;

    public MediaProxySettingController(Commands commands, ProjectQueries projects, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.projects = projects;
        this.readYourWrites = readYourWrites;
    }

    public record ChangeMediaProxyInput(String projectId, Boolean allowed) {}

    @MutationMapping
    public Mono<ProjectController.ProjectPayload> changeMediaProxy(@Argument ChangeMediaProxyInput input, @ContextValue Caller caller,
                                                                   @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) {
            return Mono.just(new ProjectController.ProjectPayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found"))));
        }
        ProjectId id = new ProjectId(input.projectId());
        return commands.<Object>send(new ChangeMediaProxy(id, caller.organization(), Boolean.TRUE.equals(input.allowed()), caller.user()), caller, clientIp)
                .flatMap(r -> r.ok()
                        ? readYourWrites.await(id.value(), Projection.DATA_MANAGER)
                                        .then(projects.get(caller.organizationId(), id.value()))
                                        .map(p -> new ProjectController.ProjectPayload(p, List.of()))
                        : Mono.just(new ProjectController.ProjectPayload(null, List.of(r.error()))));
    }
}
