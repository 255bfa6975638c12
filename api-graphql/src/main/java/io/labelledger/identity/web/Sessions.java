package io.labelledger.identity.web;

import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.api.ActiveMemberFilter;
import io.labelledger.api.Caller;
import io.labelledger.identity.api.SignInMethod;
import io.labelledger.identity.api.SignInSucceeded;
import io.labelledger.organization.api.OrganizationId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.List;

/**
 * Starts the browser session of a caller: password, LDAP and SAML sign-in, joining or switching organizations.
 * A session remembers how it was authenticated (docs/adr/0026): {@link ActiveMemberFilter#AUTH_ORGANIZATION}, the
 * organization whose IdP, directory or SCIM-bound identity vouched for the person (absent for a password sign-in of
 * a personal account) — the session is valid in that organization only — and the account's session epoch, which
 * "sign out everywhere" and a password change raise.
 */
@Component
public class Sessions {
    private final ServerSecurityContextRepository contexts;
    private final IdentityStore identities;
    private final IdentityEvents events;
    private final ClientIp clientIp;
    private final Clock clock;

    public Sessions(ServerSecurityContextRepository contexts, IdentityStore identities, IdentityEvents events, ClientIp clientIp, Clock clock) {
        this.contexts = contexts;
        this.identities = identities;
        this.events = events;
        this.clientIp = clientIp;
        this.clock = clock;
    }

    /**
     * A sign-in: a new session bound to {@code authOrganizationId} (null: a personal account's password) and recorded
     * as {@link SignInSucceeded}.
     */
    public Mono<Void> signIn(Caller caller, SignInMethod method, String authOrganizationId, ServerWebExchange exchange) {
        return Mono.fromCallable(() -> identities.sessionEpoch(caller.userId())).subscribeOn(Schedulers.boundedElastic())
                   .flatMap(epoch -> exchange.getSession().doOnNext(s -> {
                       s.getAttributes().put(ActiveMemberFilter.SESSION_EPOCH, epoch);
                       if (authOrganizationId == null) s.getAttributes().remove(ActiveMemberFilter.AUTH_ORGANIZATION);
                       else s.getAttributes().put(ActiveMemberFilter.AUTH_ORGANIZATION, authOrganizationId);
                   }))
                   .then(start(caller, exchange))
                   .then(events.publish(new SignInSucceeded(caller.organization(), caller.user(), method,
                           authOrganizationId == null ? null : new OrganizationId(authOrganizationId)),
                           caller.userId(), caller.organizationId(), clientIp.of(exchange)));
    }

    /** The organization a browser session's authentication is bound to; empty for a personal account's password session. */
    public static Mono<String> authOrganization(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(s -> Mono.justOrEmpty((String) s.getAttributes().get(ActiveMemberFilter.AUTH_ORGANIZATION)));
    }

    /** After a password change: the session asking stays, in the account's new epoch (every other one is over). */
    public Mono<Void> adoptEpoch(int epoch, ServerWebExchange exchange) {
        return exchange.getSession().doOnNext(s -> s.getAttributes().put(ActiveMemberFilter.SESSION_EPOCH, epoch)).then();
    }

    public static Mono<Void> end(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate);
    }

    /**
     * Acts as {@code caller} from now on, keeping how the session was authenticated (switching organizations, joining
     * one): a new session id, and the sign-in time starts the maximum session length.
     */
    public Mono<Void> start(Caller caller, ServerWebExchange exchange) {
        var auth = new UsernamePasswordAuthenticationToken(caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role())));
        // a new session id at sign-in defeats session fixation; the sign-in time starts the maximum session length
        return exchange.getSession().flatMap(s -> s.changeSessionId()
                               .then(Mono.fromRunnable(() -> s.getAttributes().put(ActiveMemberFilter.SIGNED_IN_AT, clock.millis()))))
                       .then(contexts.save(exchange, new SecurityContextImpl(auth)));
    }
}
