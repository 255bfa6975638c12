package io.labelledger.admin.web;

import io.labelledger.api.BearerTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The instance operator (ADR 0029): {@code /api/operator/**} and the metrics ({@code /actuator/prometheus}) have a filter chain of its own, checked before the
 * application's, that accepts only {@code Authorization: Bearer <operator token>} — the token from
 * {@code LABELLEDGER_OPERATOR_TOKEN}, else from the file {@code labelledger.operator.token-file} (run.sh creates
 * {@code <data dir>/operator.token}, 0600). Sessions and API tokens are never read there (no security context
 * repository, no other authentication), so no organization role reaches these endpoints. Without a configured token
 * every request is 401. Tokens are compared in constant time (SHA-256 of both, MessageDigest.isEqual).
 */
@Configuration(proxyBeanMethods = false)
public class OperatorSecurity {
    private static final Logger log = LoggerFactory.getLogger(OperatorSecurity.class);
    static final String AUTHORITY = "INSTANCE_OPERATOR";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain operatorSecurityWebFilterChain(ServerHttpSecurity http,
                                                          @Value("${labelledger.operator.token:}") String token,
                                                          @Value("${labelledger.operator.token-file:}") String tokenFile) {
        byte[] expected = digest(operatorToken(token, tokenFile));
        ReactiveAuthenticationManager manager = auth -> {
            byte[] given = digest((String) auth.getCredentials());
            if (expected == null || given == null || !MessageDigest.isEqual(expected, given)) {
                return Mono.error(new BadCredentialsException("Not the operator token"));
            }
            return Mono.just(new UsernamePasswordAuthenticationToken("operator", null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
        };
        HttpStatusServerEntryPoint unauthorized = new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED);
        return BearerTokens.tokenOnlyChain(http, BearerTokens.filter("", manager, unauthorized), unauthorized, AUTHORITY,
                "/api/operator", "/api/operator/**", "/actuator/prometheus", "/actuator/prometheus/**");
    }

    /** The configured token, or null (operator endpoints closed). Short tokens are refused: they could be guessed. */
    static String operatorToken(String token, String tokenFile) {
        String value = token == null ? "" : token.strip();
        if (value.isEmpty() && tokenFile != null && !tokenFile.isBlank() && Files.isReadable(Path.of(tokenFile))) {
            try {
                value = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                log.warn("Cannot read the operator token file {}: {}", tokenFile, e.toString());
            }
        }
        if (value.isEmpty()) {
            log.info("No operator token (LABELLEDGER_OPERATOR_TOKEN or labelledger.operator.token-file): /api/operator is closed");
            return null;
        }
        if (value.length() < 32) throw new IllegalStateException("The operator token must have at least 32 characters");
        return value;
    }

    private static byte[] digest(String value) {
        if (value == null) return null;
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
