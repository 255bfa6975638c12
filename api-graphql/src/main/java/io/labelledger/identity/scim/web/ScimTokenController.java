package io.labelledger.identity.scim.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.scim.ScimTokenService;
import io.labelledger.identity.scim.ScimTokenView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * SCIM tokens of the caller's organization (Owners and Admins, per rules.csv), through {@link ScimTokenService}. The
 * secret is returned once; the organization is always the caller's.
 */
@Controller
public class ScimTokenController {
    public static final String BASE_PATH = "/scim/v2";
    private final ScimTokenService tokens;

    public ScimTokenController(ScimTokenService tokens) {
        this.tokens = tokens;
    }

    public record ScimTokens(String baseUrl, List<ScimTokenView> tokens) {}

    public record CreateScimTokenInput(String name) {}

    public record RevokeScimTokenInput(String id) {}

    public record CreateScimTokenPayload(String token, ScimTokenView scimToken, List<UserError> errors) {}

    public record RevokeScimTokenPayload(String revokedId, List<UserError> errors) {}

    @QueryMapping
    public Mono<ScimTokens> scimTokens(@ContextValue Caller caller) {
        return tokens.tokens(caller.actor()).map(list -> new ScimTokens(BASE_PATH, list));
    }

    @MutationMapping
    public Mono<CreateScimTokenPayload> createScimToken(@Argument CreateScimTokenInput input, @ContextValue Caller caller,
                                                        @ContextValue(required = false) String clientIp) {
        return tokens.create(caller.actor(), input.name(), clientIp).map(c -> c.refusal() != null
                ? new CreateScimTokenPayload(null, null, List.of(UserError.of(c.refusal())))
                : new CreateScimTokenPayload(c.secret(), c.token(), List.of()));
    }

    @MutationMapping
    public Mono<RevokeScimTokenPayload> revokeScimToken(@Argument RevokeScimTokenInput input, @ContextValue Caller caller,
                                                        @ContextValue(required = false) String clientIp) {
        return tokens.revoke(caller.actor(), input.id(), clientIp).map(refusal -> refusal
                .map(r -> new RevokeScimTokenPayload(null, List.of(UserError.of(r))))
                .orElseGet(() -> new RevokeScimTokenPayload(input.id(), List.of())));
    }
}
