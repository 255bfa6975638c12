package io.labelledger.api;

import io.labelledger.identity.scim.web.ScimConfig;
import io.labelledger.identity.scim.ScimJson;
import io.labelledger.identity.account.ApiTokenSecrets;
import io.labelledger.identity.account.Principals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * Browser: cookie session (Spring Session in Redis, so any replica serves it). Scripts: "Authorization: Bearer llt_..."
 * personal API tokens. Everything but sign-in and static files needs one of the two; the GraphQL endpoint answers
 * 401 without it. CSRF tokens are off because the session cookie is SameSite=Strict and the API takes JSON only.
 * Identity providers: /scim/v2/** has a chain of its own, checked first, that accepts SCIM tokens (lls_...) only.
 */
@Configuration
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    ServerSecurityContextRepository securityContextRepository() {
        return new WebSessionServerSecurityContextRepository();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain scimSecurityWebFilterChain(ServerHttpSecurity http, io.labelledger.identity.scim.ScimTokenService tokens, ScimJson json) {
        return ScimConfig.securityChain(http, tokens, json);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ServerSecurityContextRepository contexts,
                                                  Principals principals, java.time.Clock clock) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(contexts)
                .addFilterAt(apiTokenFilter(principals), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new ActiveMemberFilter(principals, clock), SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()))
                .authorizeExchange(a -> a
                        .pathMatchers("/api/auth/**", "/actuator/health", "/actuator/health/**", "/saml/**").permitAll() // SAML: before any session
                        // metrics are the operator's (OperatorSecurity); any other management path: nobody's
                        .pathMatchers("/actuator/**").denyAll()
                        .pathMatchers("/graphql", "/graphql/**", "/api/**", "/ls/api/**").authenticated()
                        .anyExchange().permitAll()) // the single-page app's static files
                .build();
    }

    private AuthenticationWebFilter apiTokenFilter(Principals principals) {
        ReactiveAuthenticationManager manager = auth -> principals.forApiToken(ApiTokenSecrets.hash((String) auth.getCredentials()))
                .map(actor -> authenticated(Caller.from(actor)))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API token")));
        // Label Studio's scripts and SDK send "Token <key>" (ADR 0050)
        return BearerTokens.filter(ApiTokenSecrets.PREFIX, manager, unauthorized(), "Bearer", "Token");
    }

    /** 401; on Label Studio's REST API (/ls/api) with its body, {@code {"detail": ...}}, which its clients print. */
    private static ServerAuthenticationEntryPoint unauthorized() {
        ServerAuthenticationEntryPoint plain = new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED);
        return (exchange, e) -> {
            if (!exchange.getRequest().getPath().value().startsWith("/ls/")) return plain.commence(exchange, e);
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
            response.getHeaders().set(org.springframework.http.HttpHeaders.WWW_AUTHENTICATE, "Token");
            String detail = e instanceof org.springframework.security.authentication.BadCredentialsException
                    ? "Invalid token." : "Authentication credentials were not provided.";
            byte[] body = ("{\"detail\":\"" + detail + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        };
    }

    static Authentication authenticated(Caller caller) {
        return new UsernamePasswordAuthenticationToken(caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role())));
    }
}
