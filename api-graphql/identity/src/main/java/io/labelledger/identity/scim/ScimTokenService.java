package io.labelledger.identity.scim;

import io.labelledger.identity.account.Actor;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.Refusal;
import io.labelledger.identity.api.ScimTokenCreated;
import io.labelledger.identity.api.ScimTokenRevoked;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.shared.ErrorCode;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SCIM tokens of the actor's organization (who may is rules.csv's business). The secret is returned once; only its
 * SHA-256 is stored; creation and revocation are audited. A token acts with its creator's current rights (docs/adr/0026).
 */
public class ScimTokenService {
    private final ScimStore store;
    private final DirectoryQueries directory;
    private final IdentityEvents events;
    private final Clock clock;

    public ScimTokenService(ScimStore store, DirectoryQueries directory, IdentityEvents events, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The client a live token stands for, its use recorded; empty for an unknown or revoked token. A token acts with its
     * creator's current rights (docs/adr/0026): it is dead while the creator's account or membership is deactivated,
     * their role is below Admin, or they left.
     */
    public Mono<ScimClient> clientForToken(String secret) {
        String hash = ScimTokenSecrets.hash(secret);
        return Mono.fromCallable(() -> store.liveToken(hash)).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::justOrEmpty)
                   .filterWhen(t -> directory.activeMember(t.createdBy(), t.organizationId())
                           .map(creator -> ACTING_ROLES.contains(creator.role())).defaultIfEmpty(false))
                   .flatMap(t -> Mono.fromCallable(() -> {
                       store.tokenUsed(t.tokenId(), clock.instant());
                       return new ScimClient(t.tokenId(), t.organizationId(), t.createdBy());
                   }).subscribeOn(Schedulers.boundedElastic()));
    }

    /** The roles whose tokens act (rules.csv lets them manage SCIM tokens). */
    private static final java.util.Set<String> ACTING_ROLES = java.util.Set.of("OWNER", "ADMIN");

    public Mono<List<ScimTokenView>> tokens(Actor actor) {
        return Mono.fromCallable(() -> store.tokens(actor.organizationId())).subscribeOn(Schedulers.boundedElastic());
    }

    /** A new token: its secret (shown once) and how it is listed; or why not. */
    public record Created(String secret, ScimTokenView token, Refusal refusal) {}

    public Mono<Created> create(Actor actor, String rawName, String clientIp) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > 200) {
            return Mono.just(new Created(null, null, Refusal.of(ErrorCode.VALIDATION, "name", "Name the token (up to 200 characters)")));
        }
        String id = UUID.randomUUID().toString();
        String secret = ScimTokenSecrets.newSecret();
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            store.insertToken(id, actor.organizationId(), name, ScimTokenSecrets.hash(secret), actor.userId(), now);
            events.publishNow(new ScimTokenCreated(actor.organization(), id, name, actor.user()), actor.userId(), actor.organizationId(), clientIp);
            return new Created(secret, new ScimTokenView(id, name, now, null), null);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Empty when revoked; NOT_FOUND for a token that is not a live one of the actor's organization. */
    public Mono<Optional<Refusal>> revoke(Actor actor, String tokenId, String clientIp) {
        return Mono.fromCallable(() -> {
            if (tokenId == null || !store.revokeToken(actor.organizationId(), tokenId, clock.instant())) {
                return Optional.of(Refusal.of(ErrorCode.NOT_FOUND, "id", "Token not found"));
            }
            events.publishNow(new ScimTokenRevoked(actor.organization(), tokenId, actor.user()), actor.userId(), actor.organizationId(), clientIp);
            return Optional.<Refusal>empty();
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
