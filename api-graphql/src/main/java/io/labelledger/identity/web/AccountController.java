package io.labelledger.identity.web;

import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.identity.account.PasswordPolicy;
import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.AllSessionsEnded;
import io.labelledger.identity.api.PasswordChanged;
import io.labelledger.shared.ErrorCode;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * The signed-in person's own account (docs/adr/0026): sign out everywhere else, and a password change; both end every
 * other browser session (the one asking stays, so that API clients and this page keep working). Both are events of the identity context. Sessions end through the account's session epoch, which
 * {@code ActiveMemberFilter} compares at every request.
 */
@Controller
public class AccountController {
    private final IdentityStore identities;
    private final PasswordEncoder passwords;
    private final Sessions sessions;
    private final IdentityEvents events;

    public AccountController(IdentityStore identities, PasswordEncoder passwords, Sessions sessions, IdentityEvents events) {
        this.identities = identities;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
    }

    /** Puts the exchange into the Reactor context, where a mutation finds the browser session that sent it. */
    @Bean
    static ServerWebExchangeContextFilter serverWebExchangeContextFilter() {
        return new ServerWebExchangeContextFilter();
    }

    public record ChangePasswordInput(String currentPassword, String newPassword) {}

    public record Payload(List<UserError> errors) {
        static Payload ok() { return new Payload(List.of()); }

        static Payload error(ErrorCode code, String field, String message) { return new Payload(List.of(UserError.of(code, field, message))); }
    }

    /** Every other browser session ends; the one asking stays (the UI signs out of it next, as usual). */
    @MutationMapping
    public Mono<Payload> signOutEverywhere(@ContextValue Caller caller, @ContextValue(required = false) String clientIp) {
        return Mono.fromCallable(() -> {
            int epoch = identities.endSessions(caller.userId());
            events.publishNow(new AllSessionsEnded(caller.organization(), caller.user()), caller.userId(), caller.organizationId(), clientIp);
            return epoch;
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(epoch -> keepAskingSession(epoch).thenReturn(Payload.ok()));
    }

    /** The browser session that sent this request adopts the account's new epoch; every other one is over. */
    private Mono<Void> keepAskingSession(int epoch) {
        return Mono.deferContextual(ctx -> Mono.justOrEmpty(ServerWebExchangeContextFilter.getExchange(ctx)))
                   .filter(AccountController::browserSession)
                   .flatMap(exchange -> sessions.adoptEpoch(epoch, exchange));
    }

    @MutationMapping
    public Mono<Payload> changePassword(@Argument ChangePasswordInput input, @ContextValue Caller caller,
                                        @ContextValue(required = false) String clientIp) {
        String current = input.currentPassword() == null ? "" : input.currentPassword();
        String next = input.newPassword() == null ? "" : input.newPassword();
        if (!PasswordPolicy.acceptable(next)) {
            return Mono.just(Payload.error(ErrorCode.VALIDATION, "newPassword", "Use a password of at least " + PasswordPolicy.MIN_LENGTH + " characters"));
        }
        return Mono.fromCallable(() -> {
            IdentityStore.Account account = identities.byId(caller.userId()).orElseThrow();
            if (!account.personal()) {
                return new Changed(Payload.error(ErrorCode.FORBIDDEN, null,
                        "Your organization's identity provider or directory manages your sign-in; change your password there"), -1);
            }
            if (!passwords.matches(current, account.passwordHash())) {
                return new Changed(Payload.error(ErrorCode.VALIDATION, "currentPassword", "Your current password is not this one"), -1);
            }
            int epoch = identities.changePassword(caller.userId(), passwords.encode(next));
            events.publishNow(new PasswordChanged(caller.organization(), caller.user()), caller.userId(), caller.organizationId(), clientIp);
            return new Changed(Payload.ok(), epoch);
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(changed -> changed.epoch() < 0 ? Mono.just(changed.payload())
                : keepAskingSession(changed.epoch()).thenReturn(changed.payload()));
    }

    private record Changed(Payload payload, int epoch) {}

    private static boolean browserSession(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst(org.springframework.http.HttpHeaders.AUTHORIZATION) == null;
    }
}
