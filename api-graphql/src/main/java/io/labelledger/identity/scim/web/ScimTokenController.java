package io.labelledger.identity.scim.web;

import io.labelledger.identity.scim.ScimStore;
import io.labelledger.identity.scim.ScimTokenSecrets;
import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.ScimTokenCreated;
import io.labelledger.identity.api.ScimTokenRevoked;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.shared.ErrorCode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * SCIM tokens of the caller's organization (Owners and Admins, per rules.csv). The secret is returned once; only its
 * SHA-256 is stored. The organization is always the caller's.
 */
@Controller
public class ScimTokenController {
    public static final String BASE_PATH = "/scim/v2";
    private final ScimStore store;
    private final Clock clock;
    private final IdentityEvents events;

    public ScimTokenController(ScimStore store, Clock clock, IdentityEvents events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    public record ScimTokens(String baseUrl, List<ScimStore.TokenView> tokens) {}

    public record CreateScimTokenInput(String name) {}

    public record RevokeScimTokenInput(String id) {}

    public record CreateScimTokenPayload(String token, ScimStore.TokenView scimToken, List<UserError> errors) {}

    public record RevokeScimTokenPayload(String revokedId, List<UserError> errors) {}

    @QueryMapping
    public Mono<ScimTokens> scimTokens(@ContextValue Caller caller) {
        return Mono.fromCallable(() -> new ScimTokens(BASE_PATH, store.tokens(caller.organizationId())))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @MutationMapping
    public Mono<CreateScimTokenPayload> createScimToken(@Argument CreateScimTokenInput input, @ContextValue Caller caller,
                                                        @ContextValue(required = false) String clientIp) {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            return Mono.just(new CreateScimTokenPayload(null, null,
                    List.of(UserError.of(ErrorCode.VALIDATION, "name", "Name the token (up to 200 characters)"))));
        }
        String id = UUID.randomUUID().toString();
        String secret = ScimTokenSecrets.newSecret();
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            store.insertToken(id, caller.organizationId(), name, ScimTokenSecrets.hash(secret), caller.userId(), now);
            events.publishNow(new ScimTokenCreated(caller.organization(), id, name, caller.user()), caller.userId(), caller.organizationId(), clientIp);
            return new CreateScimTokenPayload(secret, new ScimStore.TokenView(id, name, now, null), List.of());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @MutationMapping
    public Mono<RevokeScimTokenPayload> revokeScimToken(@Argument RevokeScimTokenInput input, @ContextValue Caller caller,
                                                        @ContextValue(required = false) String clientIp) {
        return Mono.fromCallable(() -> {
                        if (!store.revokeToken(caller.organizationId(), input.id(), clock.instant())) {
                            return new RevokeScimTokenPayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "id", "Token not found")));
                        }
                        events.publishNow(new ScimTokenRevoked(caller.organization(), input.id(), caller.user()), caller.userId(), caller.organizationId(), clientIp);
                        return new RevokeScimTokenPayload(input.id(), List.of());
                    })
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
