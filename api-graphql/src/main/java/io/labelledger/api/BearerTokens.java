package io.labelledger.api;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens, checked per request and never kept in a session: API tokens on the application's chain, and the
 * token-only chains of SCIM clients and the instance operator (ADR 0014, 0029).
 */
public final class BearerTokens {
    private BearerTokens() {}

    /** Reads {@code Authorization: Bearer <token>} when the token starts with {@code prefix}; others are not ours. */
    public static AuthenticationWebFilter filter(String prefix, ReactiveAuthenticationManager manager, ServerAuthenticationEntryPoint onFailure) {
        return filter(prefix, manager, onFailure, "Bearer");
    }

    /**
     * Reads {@code Authorization: <scheme> <token>} for any of {@code schemes} (API tokens also come as Label Studio's
     * {@code Token <key>}, ADR 0050) when the token starts with {@code prefix}; others are not ours.
     */
    public static AuthenticationWebFilter filter(String prefix, ReactiveAuthenticationManager manager, ServerAuthenticationEntryPoint onFailure,
                                                 String... schemes) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null) return Mono.empty();
            for (String scheme : schemes) {
                if (header.startsWith(scheme + " " + prefix)) {
                    return Mono.just(new UsernamePasswordAuthenticationToken(null, header.substring(scheme.length() + 1).strip()));
                }
            }
            return Mono.empty();
        });
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance()); // tokens are per request
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(onFailure));
        return filter;
    }

    /**
     * A filter chain of its own for paths reached with a token only: no CSRF, basic, form or logout, no request cache,
     * no session; every request needs {@code authority}, which only {@code filter} grants.
     */
    public static SecurityWebFilterChain tokenOnlyChain(ServerHttpSecurity http, AuthenticationWebFilter filter,
                                                        ServerAuthenticationEntryPoint unauthorized, String authority, String... paths) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(paths))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(filter, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .authorizeExchange(a -> a.anyExchange().hasAuthority(authority))
                .build();
    }
}
