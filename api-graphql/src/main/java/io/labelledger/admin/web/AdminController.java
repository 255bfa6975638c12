package io.labelledger.admin.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.projection.Projection;
import io.labelledger.shared.ErrorCode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * Installation administration. Read models are shared by every organization of an installation, so a rebuild is
 * an installation-wide act; until installation administrators exist (identity issue), organization Owners may start it.
 */
@Controller
public class AdminController {
    private final ProjectionRebuilds rebuilds;

    public AdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    public record RebuildProjectionInput(Projection name) {}

    public record RebuildProjectionPayload(Projection name, boolean started, List<UserError> errors) {}

    @MutationMapping
    public Mono<RebuildProjectionPayload> rebuildProjection(@Argument RebuildProjectionInput input, @ContextValue Caller caller) {
        if (caller.organizationRole() != OrganizationRole.OWNER) {
            return Mono.just(new RebuildProjectionPayload(null, false, List.of(UserError.of(ErrorCode.FORBIDDEN, "name", "Only an Owner can rebuild projections"))));
        }
        return Mono.fromRunnable(() -> rebuilds.rebuild(input.name()))
                   .subscribeOn(Schedulers.boundedElastic())
                   .thenReturn(new RebuildProjectionPayload(input.name(), true, List.of()));
    }
}
