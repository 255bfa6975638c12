package io.labelledger.identity.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.account.ApiToken;
import io.labelledger.identity.account.ApiTokenService;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;

/** Personal API tokens for scripts ({@link ApiTokenService}): the secret is returned once and only its hash is stored. */
@Controller
public class ApiTokenController {
    private final ApiTokenService tokens;

    public ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    public record CreateApiTokenInput(String name) {}

    public record RevokeApiTokenInput(String id) {}

    public record CreateApiTokenPayload(String token, ApiToken apiToken, List<UserError> errors) {}

    public record RevokeApiTokenPayload(String revokedId, List<UserError> errors) {}

    @QueryMapping
    public Mono<List<ApiToken>> apiTokens(@ContextValue Caller caller) {
        return tokens.tokens(caller.actor());
    }

    @MutationMapping
    public Mono<CreateApiTokenPayload> createApiToken(@Argument CreateApiTokenInput input, @ContextValue Caller caller,
                                                      @ContextValue(required = false) String clientIp) {
        return tokens.create(caller.actor(), input.name(), clientIp).map(c -> c.refusal() != null
                ? new CreateApiTokenPayload(null, null, List.of(UserError.of(c.refusal())))
                : new CreateApiTokenPayload(c.secret(), c.token(), List.of()));
    }

    @MutationMapping
    public Mono<RevokeApiTokenPayload> revokeApiToken(@Argument RevokeApiTokenInput input, @ContextValue Caller caller,
                                                      @ContextValue(required = false) String clientIp) {
        return tokens.revoke(caller.actor(), input.id(), clientIp).map(refusal -> refusal
                .map(r -> new RevokeApiTokenPayload(null, List.of(UserError.of(r))))
                .orElseGet(() -> new RevokeApiTokenPayload(input.id(), List.of())));
    }
}
