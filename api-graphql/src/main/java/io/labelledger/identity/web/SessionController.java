package io.labelledger.identity.web;

import io.labelledger.identity.account.ApiTokenSecrets;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.OrganizationSwitchRefused;
import io.labelledger.identity.api.OrganizationSwitched;
import io.labelledger.organization.api.AcceptInvitation;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.projection.Projection;
import io.labelledger.shared.ErrorCode;
import io.labelledger.shared.Ids;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.List;

/**
 * A signed-in person who belongs to several organizations: the browser session acts in one at a time. Switch to
 * another one they are an active member of, or join another organization through an invitation link with the account
 * they already have. Sessions only: an API token belongs to one organization.
 */
@RestController
@RequestMapping("/api/session")
public class SessionController {
    private final IdentityStore identities;
    private final io.labelledger.organization.read.DirectoryQueries directory;
    private final Sessions sessions;
    private final IdentityEvents events;
    private final Commands commands;
    private final ReadYourWrites readYourWrites;
    private final ClientIp clientIp;
    private final Clock clock;

    private final io.labelledger.api.authorization.Authorization authorization;

    public SessionController(IdentityStore identities, Sessions sessions, IdentityEvents events, Commands commands,
                             ReadYourWrites readYourWrites, ClientIp clientIp, Clock clock,
                             io.labelledger.api.authorization.Authorization authorization,
                             io.labelledger.organization.read.DirectoryQueries directory) {
        this.directory = directory;
        this.authorization = authorization;
        this.identities = identities;
        this.sessions = sessions;
        this.events = events;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.clientIp = clientIp;
        this.clock = clock;
    }

    public record SwitchTo(String organizationId) {}

    public record Join(String token) {}

    /**
     * Moves the session into another organization the person is an active member of. A session bound to the
     * organization whose IdP or directory vouched for the person (docs/adr/0026) stays there: 403, and an audit entry.
     */
    @PostMapping("/organization")
    public Mono<ResponseEntity<Object>> switchOrganization(@RequestBody SwitchTo in, ServerWebExchange exchange) {
        return sessionCaller(exchange).flatMap(caller -> allowed(caller, "POST /api/session/organization", exchange, () -> {
            if (!Ids.isUuid(in.organizationId())) return notFound();
            return Sessions.authOrganization(exchange).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(bound -> {
                if (bound.isPresent() && !bound.get().equals(in.organizationId())) return refusedSwitch(caller, bound.get(), in.organizationId(), exchange);
                return Mono.fromCallable(() -> identities.currentActor(caller.userId(), in.organizationId()).map(Caller::from))
                           .subscribeOn(Schedulers.boundedElastic())
                           .flatMap(next -> next.map(c -> sessions.start(c, exchange)
                                           .then(events.publish(new OrganizationSwitched(c.organization(), c.user(), caller.organization()),
                                                   c.userId(), c.organizationId(), clientIp.of(exchange)))
                                           .thenReturn(ResponseEntity.ok((Object) new SessionView(c.userId(), c.organizationId()))))
                                   .orElseGet(SessionController::notFound)); // not a member (or not any more): as if it did not exist
            });
        })).switchIfEmpty(Mono.defer(SessionController::unauthorized));
    }

    /** A session bound to the organization whose IdP or directory vouched (docs/adr/0026) stays there: 403, audited. */
    private Mono<ResponseEntity<Object>> refusedSwitch(Caller caller, String boundTo, String requested, ServerWebExchange exchange) {
        return events.publish(new OrganizationSwitchRefused(new OrganizationId(boundTo), caller.user(), new OrganizationId(requested)),
                        caller.userId(), boundTo, clientIp.of(exchange))
                .then(errors(HttpStatus.FORBIDDEN, UserError.of(ErrorCode.FORBIDDEN, "organizationId",
                        "You signed in through an organization's identity provider or directory; that sign-in is valid in that organization only")));
    }

    @PostMapping("/invitation")
    public Mono<ResponseEntity<Object>> acceptInvitation(@RequestBody Join in, ServerWebExchange exchange) {
        return sessionCaller(exchange).flatMap(caller -> allowed(caller, "POST /api/session/invitation", exchange, () -> {
            String hash = ApiTokenSecrets.hash(in.token() == null ? "" : in.token().strip());
            // only a personal account, signed in with its own password, consents to join another organization (ADR 0026)
            Mono<Boolean> personalSession = Sessions.authOrganization(exchange).hasElement().map(bound -> !bound)
                    .flatMap(ok -> !ok ? Mono.just(false) : Mono.fromCallable(() -> identities.byId(caller.userId())
                            .map(IdentityStore.Account::personal).orElse(false)).subscribeOn(Schedulers.boundedElastic()));
            return personalSession.flatMap(personal -> !personal ? errors(HttpStatus.FORBIDDEN, UserError.of(ErrorCode.FORBIDDEN, "invitation",
                    "Sign in with your personal account to accept an invitation"))
                    : directory.invitation(hash).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(found -> {
                if (found.isEmpty()) return errors(HttpStatus.NOT_FOUND, UserError.of(ErrorCode.NOT_FOUND, "invitation", "Invitation not found"));
                String org = found.get().organizationId();
                Caller joining = new Caller(caller.userId(), org, found.get().role(), caller.email(), caller.displayName());
                var accept = new AcceptInvitation(new OrganizationId(org), hash, clock.instant(), caller.user());
                return commands.send(accept, joining, clientIp.of(exchange)).flatMap(r -> {
                    if (!r.ok()) {
                        HttpStatus status = switch (r.error().code()) {
                            case NOT_FOUND -> HttpStatus.NOT_FOUND;
                            case CONFLICT -> HttpStatus.CONFLICT;
                            default -> HttpStatus.GONE;
                        };
                        return errors(status, r.error());
                    }
                    return readYourWrites.await(org, Projection.DIRECTORY)
                            .then(Mono.fromCallable(() -> identities.currentActor(caller.userId(), org).map(Caller::from)).subscribeOn(Schedulers.boundedElastic()))
                            .flatMap(next -> next.map(c -> sessions.start(c, exchange)
                                            .thenReturn(ResponseEntity.ok((Object) new SessionView(c.userId(), c.organizationId()))))
                                    .orElseGet(() -> errors(HttpStatus.SERVICE_UNAVAILABLE,
                                            UserError.of(ErrorCode.UNAVAILABLE, null, "Your membership is being set up; reload in a moment"))));
                });
            }));
        })).switchIfEmpty(Mono.defer(SessionController::unauthorized));
    }

    /** The endpoint's row in rules.csv decides first, as for every REST endpoint. */
    private Mono<ResponseEntity<Object>> allowed(Caller caller, String operation, ServerWebExchange exchange,
                                                 java.util.function.Supplier<Mono<ResponseEntity<Object>>> then) {
        return authorization.decide(caller, operation, java.util.Map.of(), clientIp.of(exchange))
                .flatMap(ok -> ok ? then.get() : errors(HttpStatus.FORBIDDEN, UserError.of(ErrorCode.FORBIDDEN, null, "Your role does not allow this")));
    }

    /** The caller of a cookie session; empty for API tokens (they belong to one organization) and anonymous requests. */
    private static Mono<Caller> sessionCaller(ServerWebExchange exchange) {
        if (exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null) return Mono.empty();
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(c -> c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof Caller caller
                        ? Mono.just(caller) : Mono.empty());
    }

    private static Mono<ResponseEntity<Object>> notFound() {
        return errors(HttpStatus.NOT_FOUND, UserError.of(ErrorCode.NOT_FOUND, "organizationId", "Organization not found"));
    }

    private static Mono<ResponseEntity<Object>> unauthorized() {
        return errors(HttpStatus.UNAUTHORIZED, UserError.of(ErrorCode.FORBIDDEN, null, "Sign in with your account first"));
    }

    private static Mono<ResponseEntity<Object>> errors(HttpStatus status, UserError error) {
        return Mono.just(ResponseEntity.status(status).body(new Errors(List.of(error))));
    }
}
