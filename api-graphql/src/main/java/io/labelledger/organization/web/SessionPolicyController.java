package io.labelledger.organization.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.organization.api.SetSessionPolicy;
import io.labelledger.organization.read.MemberQueries;
import io.labelledger.projection.Projection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/** How long members' browser sessions last (enforced by ActiveMemberFilter at every request). */
@Controller
public class SessionPolicyController {
    private final Commands commands;
    private final MemberQueries members;
    private final ReadYourWrites readYourWrites;
    private final Duration installationTimeout;

    public SessionPolicyController(Commands commands, MemberQueries members, ReadYourWrites readYourWrites,
                                   @Value("${spring.session.timeout:8h}") Duration installationTimeout) {
        this.commands = commands;
        this.members = members;
        this.readYourWrites = readYourWrites;
        this.installationTimeout = installationTimeout;
    }

    public record SessionPolicyInput(Integer idleTimeoutMinutes, Integer maxSessionHours) {}

    public record SessionPolicyView(Integer idleTimeoutMinutes, Integer maxSessionHours, int installationIdleTimeoutMinutes) {}

    public record SessionPolicyPayload(SessionPolicyView policy, List<UserError> errors) {}

    @QueryMapping
    public Mono<SessionPolicyView> sessionPolicy(@ContextValue Caller caller) {
        return members.sessionPolicy(caller.organizationId()).map(this::view);
    }

    @MutationMapping
    public Mono<SessionPolicyPayload> setSessionPolicy(@Argument SessionPolicyInput input, @ContextValue Caller caller,
                                                       @ContextValue(required = false) String clientIp) {
        return commands.send(new SetSessionPolicy(caller.organization(), input.idleTimeoutMinutes(), input.maxSessionHours(), caller.user()),
                        caller, clientIp)
                .flatMap(r -> !r.ok() ? Mono.just(new SessionPolicyPayload(null, List.of(r.error())))
                        : readYourWrites.await(caller.organizationId(), Projection.DIRECTORY)
                                        .then(members.sessionPolicy(caller.organizationId()))
                                        .map(p -> new SessionPolicyPayload(view(p), List.of())));
    }

    private SessionPolicyView view(MemberQueries.SessionPolicy p) {
        return new SessionPolicyView(p.idleTimeoutMinutes(), p.maxSessionHours(), (int) installationTimeout.toMinutes());
    }
}
