package io.labelledger.identity.account;

import io.labelledger.identity.api.OrganizationSwitchRefused;
import io.labelledger.identity.api.OrganizationSwitched;
import io.labelledger.organization.api.AcceptInvitation;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.projection.Projection;
import io.labelledger.projection.ReadYourWrites;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.Optional;

/**
 * A signed-in person who belongs to several organizations acts in one at a time (docs/adr/0026): switching to another
 * one they are an active member of, or joining one through an invitation with the account they have. A session bound
 * to the organization whose IdP or directory vouched stays there. The session itself is the API's business: this
 * answers who the person acts as next, or why not.
 */
public class OrganizationSessions {
    private final Principals principals;
    private final IdentityStore identities;
    private final DirectoryQueries directory;
    private final IdentityCommands commands;
    private final ReadYourWrites readYourWrites;
    private final IdentityEvents events;
    private final Clock clock;

    public OrganizationSessions(Principals principals, IdentityStore identities, DirectoryQueries directory, IdentityCommands commands,
                                ReadYourWrites readYourWrites, IdentityEvents events, Clock clock) {
        this.principals = principals;
        this.identities = identities;
        this.directory = directory;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.events = events;
        this.clock = clock;
    }

    public sealed interface Result {}

    /** The session acts as {@code next} from now on. */
    public record Moved(Actor next) implements Result {}

    public record Refused(HttpStatus status, Refusal refusal) implements Result {}

    /**
     * {@code boundTo}: the organization the session's authentication is bound to (empty: a personal account's
     * password). Another organization than that one is refused and audited there (the requested id is client input).
     */
    public Mono<Result> switchTo(Actor caller, Optional<String> boundTo, String organizationId, String clientIp) {
        if (!Ids.isUuid(organizationId)) return Mono.just(organizationNotFound());
        if (boundTo.isPresent() && !boundTo.get().equals(organizationId)) {
            return events.publish(new OrganizationSwitchRefused(new OrganizationId(boundTo.get()), caller.user(), new OrganizationId(organizationId)),
                            caller.userId(), boundTo.get(), clientIp)
                    .thenReturn(new Refused(HttpStatus.FORBIDDEN, Refusal.of(ErrorCode.FORBIDDEN, "organizationId",
                            "You signed in through an organization's identity provider or directory; that sign-in is valid in that organization only")));
        }
        return principals.current(caller.userId(), organizationId)
                .flatMap(next -> events.publish(new OrganizationSwitched(next.organization(), next.user(), caller.organization()),
                        next.userId(), next.organizationId(), clientIp).thenReturn((Result) new Moved(next)))
                .defaultIfEmpty(organizationNotFound()); // not a member (or not any more): as if it did not exist
    }

    /** Only a personal account, signed in with its own password, consents to join another organization. */
    public Mono<Result> join(Actor caller, Optional<String> boundTo, String token, String clientIp) {
        String hash = ApiTokenSecrets.hash(token == null ? "" : token.strip());
        Mono<Boolean> personalSession = boundTo.isPresent() ? Mono.just(false)
                : Mono.fromCallable(() -> identities.byId(caller.userId()).map(IdentityStore.Account::personal).orElse(false))
                      .subscribeOn(Schedulers.boundedElastic());
        return personalSession.flatMap(personal -> !personal
                ? Mono.just(new Refused(HttpStatus.FORBIDDEN, Refusal.of(ErrorCode.FORBIDDEN, "invitation",
                        "Sign in with your personal account to accept an invitation")))
                : directory.invitation(hash).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
                    if (found.isEmpty()) return Mono.just(new Refused(HttpStatus.NOT_FOUND, Refusal.of(ErrorCode.NOT_FOUND, "invitation", "Invitation not found")));
                    String org = found.get().organizationId();
                    Actor joining = new Actor(caller.userId(), org, found.get().role(), caller.email(), caller.displayName());
                    var accept = new AcceptInvitation(new OrganizationId(org), hash, clock.instant(), caller.user());
                    return commands.send(accept, joining, clientIp).flatMap(refusal -> {
                        if (refusal.isPresent()) {
                            HttpStatus status = switch (refusal.get().code()) {
                                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                                case CONFLICT -> HttpStatus.CONFLICT;
                                default -> HttpStatus.GONE;
                            };
                            return Mono.just(new Refused(status, refusal.get()));
                        }
                        return readYourWrites.await(org, Projection.DIRECTORY)
                                .then(principals.current(caller.userId(), org))
                                .map(next -> (Result) new Moved(next))
                                .defaultIfEmpty(new Refused(HttpStatus.SERVICE_UNAVAILABLE,
                                        Refusal.of(ErrorCode.UNAVAILABLE, null, "Your membership is being set up; reload in a moment")));
                    });
                }));
    }

    private static Result organizationNotFound() {
        return new Refused(HttpStatus.NOT_FOUND, Refusal.of(ErrorCode.NOT_FOUND, "organizationId", "Organization not found"));
    }
}
