package io.labelledger.identity.account;

import io.labelledger.identity.api.ApiTokenCreated;
import io.labelledger.identity.api.ApiTokenRevoked;
import io.labelledger.shared.ErrorCode;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API tokens for scripts, one organization each: the secret is returned once and only its hash is stored;
 * creation and revocation are audited (identity events).
 */
public class ApiTokenService {
    private final IdentityStore identities;
    private final IdentityEvents events;
    private final Clock clock;

    public ApiTokenService(IdentityStore identities, IdentityEvents events, Clock clock) {
        this.identities = identities;
        this.events = events;
        this.clock = clock;
    }

    /** The live tokens of the actor in their organization, newest first. */
    public Mono<List<ApiToken>> tokens(Actor actor) {
        return Mono.fromCallable(() -> identities.tokens(actor)).subscribeOn(Schedulers.boundedElastic());
    }

    /** A new token: its secret (shown once) and how it is listed; or why not. */
    public record Created(String secret, ApiToken token, Refusal refusal) {}

    public Mono<Created> create(Actor actor, String rawName, String clientIp) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > 200) {
            return Mono.just(new Created(null, null, Refusal.of(ErrorCode.VALIDATION, "name", "Name the token (up to 200 characters)")));
        }
        String id = UUID.randomUUID().toString();
        String secret = ApiTokenSecrets.newSecret();
        return Mono.fromCallable(() -> {
            identities.insertToken(id, actor, name, ApiTokenSecrets.hash(secret));
            events.publishNow(new ApiTokenCreated(actor.organization(), id, name, actor.user()), actor.userId(), actor.organizationId(), clientIp);
            return new Created(secret, new ApiToken(id, name, clock.instant(), null), null);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Empty when revoked; NOT_FOUND for a token that is not the actor's live one in this organization. */
    public Mono<Optional<Refusal>> revoke(Actor actor, String tokenId, String clientIp) {
        return Mono.fromCallable(() -> {
            if (tokenId == null || !identities.revokeToken(actor, tokenId)) {
                return Optional.of(Refusal.of(ErrorCode.NOT_FOUND, "id", "Token not found"));
            }
            events.publishNow(new ApiTokenRevoked(actor.organization(), tokenId, actor.user()), actor.userId(), actor.organizationId(), clientIp);
            return Optional.<Refusal>empty();
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
