package io.labelledger.organization.web;

import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.account.ApiTokenSecrets;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.organization.api.ChangeMemberRole;
import io.labelledger.organization.api.CreateInvitation;
import io.labelledger.organization.api.DeactivateMember;
import io.labelledger.organization.api.InvitationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.organization.api.ReactivateMember;
import io.labelledger.organization.api.RevokeInvitation;
import io.labelledger.organization.read.InvitationView;
import io.labelledger.organization.read.MemberQueries;
import io.labelledger.organization.read.MemberView;
import io.labelledger.organization.read.ProjectMemberView;
import io.labelledger.project.api.AddProjectMember;
import io.labelledger.project.api.ChangeProjectRole;
import io.labelledger.project.api.ProjectId;
import io.labelledger.project.api.ProjectRole;
import io.labelledger.project.api.RemoveProjectMember;
import io.labelledger.projection.Projection;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Organization members, invitations and project members. Who may call what is decided by the authorization policy
 * before any of this runs; the aggregates keep the finer rules (Owner only manages Owners, at least one Owner).
 * The organization is always the caller's.
 */
@Controller
public class MemberController {
    public static final String INVITATION_PREFIX = "lli_";
    private final Commands commands;
    private final MemberQueries members;
    private final IdentityStore identities;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    public MemberController(Commands commands, MemberQueries members, IdentityStore identities, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.members = members;
        this.identities = identities;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    public record MemberFilter(OrganizationRole role, Boolean active, String search) {}

    public record CreateInvitationInput(OrganizationRole role, Integer expiresInDays) {}

    public record CreateInvitationPayload(String token, String link, InvitationView invitation, List<UserError> errors) {}

    public record ChangeMemberRoleInput(String userId, OrganizationRole role) {}

    public record MemberInput(String userId) {}

    public record RevokeInvitationInput(String invitationId) {}

    public record RevokeInvitationPayload(InvitationView invitation, List<UserError> errors) {}

    public record MemberPayload(MemberView member, List<UserError> errors) {}

    public record ProjectMemberInput(String projectId, String userId, ProjectRole role) {}

    public record ProjectMemberPayload(ProjectMemberView member, List<ProjectMemberView> members, List<UserError> errors) {}

    @QueryMapping
    public Mono<List<MemberView>> members(@Argument MemberFilter filter, @ContextValue Caller caller) {
        String search = filter == null || filter.search() == null ? "" : filter.search().strip().toLowerCase(Locale.ROOT);
        return members.members(caller.organizationId())
                      .filter(m -> filter == null || filter.role() == null || filter.role().name().equals(m.role()))
                      .filter(m -> filter == null || filter.active() == null || filter.active() == m.active())
                      .filter(m -> search.isEmpty() || m.displayName().toLowerCase(Locale.ROOT).contains(search)
                                   || m.email().contains(search))
                      .collectList();
    }

    @QueryMapping
    public Mono<List<InvitationView>> invitations(@ContextValue Caller caller) {
        return members.invitations(caller.organizationId()).collectList();
    }

    @QueryMapping
    public Mono<List<ProjectMemberView>> projectMembers(@Argument String projectId, @ContextValue Caller caller) {
        if (!Ids.isUuid(projectId)) return Mono.just(List.of());
        return members.projectMembers(caller.organizationId(), projectId).collectList();
    }

    @MutationMapping
    public Mono<CreateInvitationPayload> createInvitation(@Argument CreateInvitationInput input, @ContextValue Caller caller,
                                                          @ContextValue(required = false) String clientIp) {
        int days = input.expiresInDays() == null ? 7 : input.expiresInDays();
        if (days < 1 || days > 30) {
            return Mono.just(new CreateInvitationPayload(null, null, null,
                    List.of(UserError.of(ErrorCode.VALIDATION, "expiresInDays", "An invitation is valid for 1 to 30 days"))));
        }
        String token = INVITATION_PREFIX + ApiTokenSecrets.newSecret().substring(ApiTokenSecrets.PREFIX.length());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        var cmd = new CreateInvitation(caller.organization(), new InvitationId(id), ApiTokenSecrets.hash(token), input.role(),
                expires, now, caller.user());
        return commands.send(cmd, caller, clientIp).flatMap(r -> !r.ok()
                ? Mono.just(new CreateInvitationPayload(null, null, null, List.of(r.error())))
                : readYourWrites.await(caller.organizationId(), Projection.DIRECTORY).thenReturn(new CreateInvitationPayload(
                        token, "/invite/" + token,
                        new InvitationView(id, input.role().name(), expires, caller.userId(), now, null, null, null), List.of())));
    }

    @MutationMapping
    public Mono<RevokeInvitationPayload> revokeInvitation(@Argument RevokeInvitationInput input, @ContextValue Caller caller,
                                                          @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.invitationId())) {
            return Mono.just(new RevokeInvitationPayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "invitationId", "Invitation not found"))));
        }
        return commands.send(new RevokeInvitation(caller.organization(), new InvitationId(input.invitationId()), caller.user()), caller, clientIp)
                       .flatMap(r -> !r.ok() ? Mono.just(new RevokeInvitationPayload(null, List.of(r.error())))
                               : readYourWrites.await(caller.organizationId(), Projection.DIRECTORY)
                                               // the whole (bounded) list: cancelling an R2DBC result half-read can leak its connection
                                               .then(members.invitations(caller.organizationId()).collectList())
                                               .flatMap(list -> Mono.justOrEmpty(list.stream().filter(i -> i.id().equals(input.invitationId())).findFirst()))
                                               .map(i -> new RevokeInvitationPayload(i, List.of()))
                                               .defaultIfEmpty(new RevokeInvitationPayload(null, List.of())));
    }

    @MutationMapping
    public Mono<MemberPayload> changeMemberRole(@Argument ChangeMemberRoleInput input, @ContextValue Caller caller,
                                                @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.userId())) return Mono.just(memberNotFound());
        return memberAfter(commands.send(new ChangeMemberRole(caller.organization(), new UserId(input.userId()), input.role(), caller.user()),
                caller, clientIp), caller, input.userId());
    }

    @MutationMapping
    public Mono<MemberPayload> deactivateMember(@Argument MemberInput input, @ContextValue Caller caller,
                                                @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.userId())) return Mono.just(memberNotFound());
        Mono<Commands.Result<Object>> sent = commands.<Object>send(new DeactivateMember(caller.organization(), new UserId(input.userId()), caller.user()),
                caller, clientIp).flatMap(r -> !r.ok() ? Mono.just(r)
                : Mono.fromCallable(() -> identities.revokeTokensOf(input.userId(), caller.organizationId()))
                      .subscribeOn(Schedulers.boundedElastic()).thenReturn(r));
        return memberAfter(sent, caller, input.userId());
    }

    @MutationMapping
    public Mono<MemberPayload> reactivateMember(@Argument MemberInput input, @ContextValue Caller caller,
                                                @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.userId())) return Mono.just(memberNotFound());
        // deactivation revoked every token, so a live one now was minted while deactivated (a stale socket, before
        // ADR 0027): the member comes back without it
        Mono<Commands.Result<Object>> sent = commands.<Object>send(new ReactivateMember(caller.organization(), new UserId(input.userId()), caller.user()),
                caller, clientIp).flatMap(r -> !r.ok() ? Mono.just(r)
                : Mono.fromCallable(() -> identities.revokeTokensOf(input.userId(), caller.organizationId()))
                      .subscribeOn(Schedulers.boundedElastic()).thenReturn(r));
        return memberAfter(sent, caller, input.userId());
    }

    @MutationMapping
    public Mono<ProjectMemberPayload> addProjectMember(@Argument ProjectMemberInput input, @ContextValue Caller caller,
                                                       @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(projectError(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found")));
        if (!Ids.isUuid(input.userId())) return Mono.just(projectError(UserError.of(ErrorCode.NOT_FOUND, "userId", "Member not found")));
        // only active members of the caller's organization can join its projects
        return members.member(caller.organizationId(), input.userId()).filter(MemberView::active)
                      .flatMap(m -> projectMemberAfter(commands.send(new AddProjectMember(new ProjectId(input.projectId()), caller.organization(),
                              new UserId(input.userId()), input.role(), caller.user()), caller, clientIp), caller, input))
                      .switchIfEmpty(Mono.fromSupplier(() -> projectError(UserError.of(ErrorCode.NOT_FOUND, "userId", "Member not found"))));
    }

    @MutationMapping
    public Mono<ProjectMemberPayload> changeProjectRole(@Argument ProjectMemberInput input, @ContextValue Caller caller,
                                                        @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(projectError(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found")));
        if (!Ids.isUuid(input.userId())) return Mono.just(projectError(UserError.of(ErrorCode.NOT_FOUND, "userId", "Member not found")));
        return projectMemberAfter(commands.send(new ChangeProjectRole(new ProjectId(input.projectId()), caller.organization(),
                new UserId(input.userId()), input.role(), caller.user()), caller, clientIp), caller, input);
    }

    @MutationMapping
    public Mono<ProjectMemberPayload> removeProjectMember(@Argument ProjectMemberInput input, @ContextValue Caller caller,
                                                          @ContextValue(required = false) String clientIp) {
        if (!Ids.isUuid(input.projectId())) return Mono.just(projectError(UserError.of(ErrorCode.NOT_FOUND, "projectId", "Project not found")));
        if (!Ids.isUuid(input.userId())) return Mono.just(projectError(UserError.of(ErrorCode.NOT_FOUND, "userId", "Member not found")));
        return projectMemberAfter(commands.send(new RemoveProjectMember(new ProjectId(input.projectId()), caller.organization(),
                new UserId(input.userId()), caller.user()), caller, clientIp), caller, input);
    }

    private Mono<MemberPayload> memberAfter(Mono<? extends Commands.Result<?>> sent, Caller caller, String userId) {
        return sent.flatMap(r -> !r.ok()
                ? Mono.just(new MemberPayload(null, List.of(r.error())))
                : readYourWrites.await(caller.organizationId(), Projection.DIRECTORY)
                                .then(members.member(caller.organizationId(), userId))
                                .map(m -> new MemberPayload(m, List.of()))
                                .defaultIfEmpty(new MemberPayload(null, List.of())));
    }

    private Mono<ProjectMemberPayload> projectMemberAfter(Mono<? extends Commands.Result<?>> sent, Caller caller, ProjectMemberInput input) {
        return sent.flatMap(r -> !r.ok()
                ? Mono.just(projectError(r.error()))
                : readYourWrites.await(input.projectId(), Projection.DIRECTORY)
                                .then(members.projectMembers(caller.organizationId(), input.projectId()).collectList())
                                .map(list -> new ProjectMemberPayload(
                                        list.stream().filter(m -> m.userId().equals(input.userId())).findFirst().orElse(null), list, List.of())));
    }

    private static MemberPayload memberNotFound() {
        return new MemberPayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "userId", "Member not found")));
    }

    private static ProjectMemberPayload projectError(UserError e) {
        return new ProjectMemberPayload(null, List.of(), List.of(e));
    }
}
