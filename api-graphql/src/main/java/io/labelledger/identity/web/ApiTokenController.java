package io.labelledger.identity.web;

import io.labelledger.identity.account.ApiTokenSecrets;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.ApiTokenCreated;
import io.labelledger.identity.api.ApiTokenRevoked;
import io.labelledger.shared.ErrorCode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Personal API tokens for scripts: the secret is returned once and only its hash is stored. */
@Controller
public class ApiTokenController {
    private final IdentityStore identities;
    private final Clock clock;
    private final IdentityEvents events;

    public ApiTokenController(IdentityStore identities, Clock clock, IdentityEvents events) {
        this.identities = identities;
        this.clock = clock;
        this.events = events;
    }

    public record CreateApiTokenInput(String name) {}

    public record RevokeApiTokenInput(String id) {}

    public record CreateApiTokenPayload(String token, IdentityStore.Token apiToken, List<UserError> errors) {}

    public record RevokeApiTokenPayload(String revokedId, List<UserError> errors) {}

    @QueryMapping
    public Mono<List<IdentityStore.Token>> apiTokens(@ContextValue Caller caller) {
        return Mono.fromCallable(() -> identities.tokens(caller.actor())).subscribeOn(Schedulers.boundedElastic());
    }

    @MutationMapping
    public Mono<CreateApiTokenPayload> createApiToken(@Argument CreateApiTokenInput input, @ContextValue Caller caller,
                                                      @ContextValue(required = false) String clientIp) {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            return Mono.just(new CreateApiTokenPayload(null, null, List.of(UserError.of(ErrorCode.VALIDATION, "name", "Name the token (up to 200 characters)"))));
        }
        String id = UUID.randomUUID().toString();
        String secret = ApiTokenSecrets.newSecret();
        return Mono.fromCallable(() -> {
            identities.insertToken(id, caller.actor(), name, ApiTokenSecrets.hash(secret));
            events.publishNow(new ApiTokenCreated(caller.organization(), id, name, caller.user()), caller.userId(), caller.organizationId(), clientIp);
            return new CreateApiTokenPayload(secret, new IdentityStore.Token(id, name, clock.instant(), null), List.of());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @MutationMapping
    public Mono<RevokeApiTokenPayload> revokeApiToken(@Argument RevokeApiTokenInput input, @ContextValue Caller caller,
                                                      @ContextValue(required = false) String clientIp) {
        return Mono.fromCallable(() -> {
                        if (!identities.revokeToken(caller.actor(), input.id())) {
                            return new RevokeApiTokenPayload(null, List.of(UserError.of(ErrorCode.NOT_FOUND, "id", "Token not found")));
                        }
                        events.publishNow(new ApiTokenRevoked(caller.organization(), input.id(), caller.user()), caller.userId(), caller.organizationId(), clientIp);
                        return new RevokeApiTokenPayload(input.id(), List.of());
                    })
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
