package io.labelledger.identity.scim.web;

import io.labelledger.identity.scim.ScimException;
import io.labelledger.identity.scim.ScimJson;
import io.labelledger.identity.scim.ScimSchemas;
import io.labelledger.identity.scim.ScimTokenService;
import io.labelledger.identity.scim.ScimTokenSecrets;
import io.labelledger.api.BearerTokens;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SCIM's HTTP security (its services are wired in the identity module's ScimBeans): its own security filter chain for /scim/v2/**, ordered before the main one, that accepts only SCIM
 * tokens ("Authorization: Bearer lls_..."): no session, no personal API token, no cookie. Anything else is 401 with
 * a SCIM error body.
 */
@Configuration
public class ScimConfig {

    /** The filter chain for /scim/v2/** (declared in SecurityConfig, ordered before the main chain). */
    public static SecurityWebFilterChain securityChain(ServerHttpSecurity http, ScimTokenService tokens, ScimJson json) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().setContentType(MediaType.parseMediaType(ScimSchemas.MEDIA_TYPE));
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scim\"");
            byte[] body = json.write(json.error(new ScimException(401, null, "A valid SCIM bearer token is required")))
                              .getBytes(StandardCharsets.UTF_8);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        };
        return BearerTokens.tokenOnlyChain(http, tokenFilter(tokens, unauthorized), unauthorized, AUTHORITY, "/scim/v2", "/scim/v2/**");
    }

    static final String AUTHORITY = "SCIM_CLIENT";

    private static AuthenticationWebFilter tokenFilter(ScimTokenService tokens, ServerAuthenticationEntryPoint unauthorized) {
        ReactiveAuthenticationManager manager = auth -> tokens.clientForToken((String) auth.getCredentials())
                .<Authentication>map(c -> new UsernamePasswordAuthenticationToken(c, null, List.of(new SimpleGrantedAuthority(AUTHORITY))))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked SCIM token")));
        return BearerTokens.filter(ScimTokenSecrets.PREFIX, manager, unauthorized);
    }
}
