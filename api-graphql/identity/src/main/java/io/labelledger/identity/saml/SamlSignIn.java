package io.labelledger.identity.saml;

import io.labelledger.identity.account.Actor;
import io.labelledger.identity.account.IdentityCommands;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.identity.account.Refusal;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.saml.SamlRefused.Reason;
import io.labelledger.organization.api.AddWorkspaceMembers;
import io.labelledger.organization.api.IdentitySource;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.organization.api.ProvisionMember;
import io.labelledger.organization.api.WorkspaceId;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.projection.Projection;
import io.labelledger.projection.ReadYourWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the assertion consumer service does with a SAML response (ADR 0013, 0020, 0026): validates it, consumes it once
 * (replay cache, our own AuthnRequest), finds or creates the person's account, provisions their membership and mapped
 * workspaces, and answers who signed in. Refusals of the response are {@link SamlRefused} errors; the session is the
 * API's business.
 */
public class SamlSignIn {
    private static final Logger log = LoggerFactory.getLogger(SamlSignIn.class);
    /** Not a BCrypt hash: no password ever matches it, so SSO-created accounts cannot sign in with a password. */
    public static final String NO_PASSWORD = "!sso";

    private final SsoStore store;
    private final SamlState state;
    private final IdentityStore identities;
    private final IdentityCommands commands;
    private final ReadYourWrites readYourWrites;
    private final DirectoryQueries directory;
    private final Clock clock;
    private final io.labelledger.identity.account.Principals principals;

    public SamlSignIn(SsoStore store, SamlState state, IdentityStore identities, IdentityCommands commands, ReadYourWrites readYourWrites,
                      DirectoryQueries directory, Clock clock) {
        this.store = store;
        this.state = state;
        this.identities = identities;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.directory = directory;
        this.clock = clock;
        this.principals = new io.labelledger.identity.account.Principals(directory, identities);
    }

    public sealed interface Result {}

    /** The person is an active member now; the API starts their session. */
    public record Accepted(Actor actor) implements Result {}

    /** The organization refused the membership (its rules, e.g. a deactivated member). */
    public record Refused(Refusal error) implements Result {}

    /** {@code base}: the SP's public base URL, which the response must be addressed to. */
    public Mono<Result> consume(SsoStore.SsoConfig c, String samlResponse, String base, String clientIp) {
        Instant now = clock.instant();
        var expected = new ResponseValidator.Expected(c.idpEntityId(), SsoKeys.parsePem(c.idpCertificates()),
                base + SpUrls.metadataPath(c.organizationId()), base + SpUrls.acsPath(c.organizationId()), now);
        return Mono.fromCallable(() -> ResponseValidator.validate(samlResponse, expected)).subscribeOn(Schedulers.boundedElastic())
                   .onErrorMap(e -> !(e instanceof SamlRefused), e -> { // hostile input must not become a 500
                       log.warn("Unreadable SAML response", e);
                       return new SamlRefused(Reason.MALFORMED, "unreadable response");
                   })
                   .flatMap(valid -> state.firstUse(c.organizationId(), valid.assertionId(), Duration.between(now, valid.acceptableUntil()))
                           .flatMap(first -> first ? state.consume(c.organizationId(), valid.inResponseTo())
                                                   : Mono.error(new SamlRefused(Reason.REPLAY, "assertion already used")))
                           .flatMap(ours -> ours ? provision(c, valid, clientIp)
                                                 : Mono.error(new SamlRefused(Reason.IN_RESPONSE_TO, "not an answer to a sign-in we started"))));
    }

    private Mono<Result> provision(SsoStore.SsoConfig c, ResponseValidator.Validated person, String clientIp) {
        String org = c.organizationId();
        OrganizationRole role = RoleMapper.roleFor(c, person.attributes());
        return Mono.fromCallable(() -> account(org, person)).subscribeOn(Schedulers.boundedElastic()).flatMap(userId -> {
            Actor actor = new Actor(userId, org, role.name(), person.email(), person.displayName());
            var command = new ProvisionMember(new OrganizationId(org), new UserId(userId), role, true, IdentitySource.SAML);
            return commands.send(command, actor, clientIp).flatMap(refusal -> {
                if (refusal.isPresent()) return Mono.just((Result) new Refused(refusal.get()));
                return joinMappedWorkspaces(c, person, userId, actor, clientIp)
                        .then(readYourWrites.await(org, Projection.DIRECTORY))
                        .then(principals.current(userId, org))
                        .map(current -> (Result) new Accepted(current))
                        .switchIfEmpty(Mono.error(() -> new SamlRefused(Reason.DEACTIVATED, "not an active member")));
            });
        });
    }

    /**
     * Adds the person to the workspaces their attributes map to (docs/adr/0020). SAML only adds: it never removes a
     * membership, since an assertion tells what a person has now, not what they lost. A workspace that cannot take
     * them (archived meanwhile, say) does not stop the sign-in.
     */
    private Mono<Void> joinMappedWorkspaces(SsoStore.SsoConfig c, ResponseValidator.Validated person, String userId, Actor actor, String ip) {
        Set<String> mapped = RoleMapper.workspacesFor(c, person.attributes());
        if (mapped.isEmpty()) return Mono.empty();
        return directory.existingWorkspaces(c.organizationId(), mapped)
                   .flatMapMany(Flux::fromIterable)
                   .concatMap(ws -> commands.send(new AddWorkspaceMembers(new OrganizationId(c.organizationId()), new WorkspaceId(ws),
                           List.of(new UserId(userId)), null, IdentitySource.SAML), actor, ip, IdentitySource.SAML.name())
                           .doOnNext(r -> r.ifPresent(refused -> log.debug("SAML workspace mapping not applied: {}", refused.code()))))
                   .then();
    }

    /**
     * The person's account (docs/adr/0026): linked by NameID, else this organization's bound identity with the email,
     * else a personal account with the email that is already an active member here (it consented by joining), else a
     * new identity bound to this organization. Whichever it is, the session is valid in this organization only.
     */
    private String account(String org, ResponseValidator.Validated person) { // on boundedElastic
        // a link stands only for this organization's identity or a personal account that is a member here (a link made
        // before ADR 0026 to anybody else's account is not followed, and is replaced below)
        Optional<String> linked = store.linkedUser(org, person.nameId())
                .filter(id -> identities.byId(id).map(a -> a.personal() ? membership(org, id).isPresent()
                        : org.equals(a.homeOrganizationId())).orElse(false));
        String userId;
        if (linked.isPresent()) {
            userId = linked.get();
        } else {
            Optional<String> existing = identities.boundByEmail(person.email(), org).map(IdentityStore.Account::userId)
                    .or(() -> identities.personalByEmail(person.email()).map(IdentityStore.Account::userId)
                            .filter(id -> membership(org, id).orElse(false)));
            if (existing.isPresent()) {
                userId = existing.get();
            } else {
                userId = UUID.randomUUID().toString();
                if (!identities.insertBound(userId, person.email(), person.displayName(), NO_PASSWORD, org)) {
                    throw new SamlRefused(Reason.ACCOUNT_CONFLICT, "the email was taken meanwhile");
                }
            }
            store.link(org, person.nameId(), userId);
        }
        if (!store.accountActive(userId) || membership(org, userId).filter(active -> !active).isPresent()) {
            throw new SamlRefused(Reason.DEACTIVATED, "the member is deactivated");
        }
        return userId;
    }

    /** The directory's membership (query's read model): empty when none, else whether it is active. Blocking. */
    private Optional<Boolean> membership(String org, String userId) {
        return directory.membershipActive(userId, org).blockOptional();
    }
}
