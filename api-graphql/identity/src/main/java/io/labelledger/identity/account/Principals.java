package io.labelledger.identity.account;

import io.labelledger.organization.read.DirectoryQueries;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Who is acting, as the directory knows them now (docs/adr/0026): the principal of every request, of every operation
 * on a socket, of a sign-in and of an API token. The directory is the organization context's read model, read through
 * {@code query}'s {@link DirectoryQueries} in one statement (R2DBC: it blocks no thread); identity's own table is
 * touched only for an API token's use (JDBC, on boundedElastic).
 */
public class Principals {
    private final DirectoryQueries directory;
    private final IdentityStore identities;

    public Principals(DirectoryQueries directory, IdentityStore identities) {
        this.directory = directory;
        this.identities = identities;
    }

    /** The caller with their organization's session policy (null limits: the installation's default). */
    public record ActiveMember(Actor actor, Integer idleTimeoutMinutes, Integer maxSessionHours, int sessionEpoch) {}

    /** Empty once the account or the membership is deactivated (or a bound identity is asked for elsewhere). */
    public Mono<ActiveMember> activeMember(String userId, String organizationId) {
        return directory.activeMember(userId, organizationId).map(Principals::member);
    }

    /** The caller as the directory knows them now: current role, empty when no longer an active member. */
    public Mono<Actor> current(String userId, String organizationId) {
        return activeMember(userId, organizationId).map(ActiveMember::actor);
    }

    /** The person in their oldest active membership (where a password sign-in starts); empty without one. */
    public Mono<Actor> firstMembership(String userId) {
        return directory.firstActiveMembership(userId).map(p -> member(p).actor());
    }

    /** The caller a live API token stands for (its use recorded); empty for an unknown or revoked token or a member who may no longer act. */
    public Mono<Actor> forApiToken(String tokenHash) {
        return Mono.fromCallable(() -> identities.useToken(tokenHash)).subscribeOn(Schedulers.boundedElastic())
                   .flatMap(Mono::justOrEmpty)
                   .flatMap(owner -> current(owner.userId(), owner.organizationId()));
    }

    private static ActiveMember member(DirectoryQueries.MemberPrincipal p) {
        return new ActiveMember(new Actor(p.userId(), p.organizationId(), p.role(), p.email(), p.displayName()),
                p.idleTimeoutMinutes(), p.maxSessionHours(), p.sessionEpoch());
    }
}
