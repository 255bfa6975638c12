package io.labelledger.identity.web;

import io.labelledger.api.ActiveMemberFilter;
import io.labelledger.api.Caller;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/** Starts the browser session of a caller: password, LDAP and SAML sign-in, joining or switching organizations. */
@Component
public class Sessions {
    private final ServerSecurityContextRepository contexts;
    private final Clock clock;

    public Sessions(ServerSecurityContextRepository contexts, Clock clock) {
        this.contexts = contexts;
        this.clock = clock;
    }

    public Mono<Void> start(Caller caller, ServerWebExchange exchange) {
        var auth = new UsernamePasswordAuthenticationToken(caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role())));
        // a new session id at sign-in defeats session fixation; the sign-in time starts the maximum session length
        return exchange.getSession().flatMap(s -> s.changeSessionId()
                               .then(Mono.fromRunnable(() -> s.getAttributes().put(ActiveMemberFilter.SIGNED_IN_AT, clock.millis()))))
                       .then(contexts.save(exchange, new SecurityContextImpl(auth)));
    }
}
