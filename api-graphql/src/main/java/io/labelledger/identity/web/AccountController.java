package io.labelledger.identity.web;

import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.account.AccountService;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The signed-in person's own account (docs/adr/0026): sign out everywhere else, and a password change; both end every
 * other browser session (the one asking stays, so that API clients and this page keep working). {@link AccountService}
 * does the change; this keeps the asking browser session in the new epoch, which {@code ActiveMemberFilter} compares
 * at every request.
 */
@Controller
public class AccountController {
    private final AccountService accounts;
    private final Sessions sessions;

    public AccountController(AccountService accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** Puts the exchange into the Reactor context, where a mutation finds the browser session that sent it. */
    @Bean
    static ServerWebExchangeContextFilter serverWebExchangeContextFilter() {
        return new ServerWebExchangeContextFilter();
    }

    public record ChangePasswordInput(String currentPassword, String newPassword) {}

    public record Payload(List<UserError> errors) {
        static Payload ok() { return new Payload(List.of()); }
    }

    /** Every other browser session ends; the one asking stays (the UI signs out of it next, as usual). */
    @MutationMapping
    public Mono<Payload> signOutEverywhere(@ContextValue Caller caller, @ContextValue(required = false) String clientIp) {
        return accounts.signOutEverywhere(caller.actor(), clientIp).flatMap(epoch -> keepAskingSession(epoch).thenReturn(Payload.ok()));
    }

    @MutationMapping
    public Mono<Payload> changePassword(@Argument ChangePasswordInput input, @ContextValue Caller caller,
                                        @ContextValue(required = false) String clientIp) {
        return accounts.changePassword(caller.actor(), input.currentPassword(), input.newPassword(), clientIp)
                       .flatMap(change -> change.changed() ? keepAskingSession(change.epoch()).thenReturn(Payload.ok())
                               : Mono.just(new Payload(List.of(UserError.of(change.refusal())))));
    }

    /** The browser session that sent this request adopts the account's new epoch; every other one is over. */
    private Mono<Void> keepAskingSession(int epoch) {
        return Mono.deferContextual(ctx -> Mono.justOrEmpty(ServerWebExchangeContextFilter.getExchange(ctx)))
                   .filter(AccountController::browserSession)
                   .flatMap(exchange -> sessions.adoptEpoch(epoch, exchange));
    }

    private static boolean browserSession(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst(org.springframework.http.HttpHeaders.AUTHORIZATION) == null;
    }
}
