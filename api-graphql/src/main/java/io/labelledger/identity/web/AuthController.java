package io.labelledger.identity.web;

import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.api.Caller;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.SignInFailed;
import io.labelledger.identity.api.SignInMethod;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.account.Actor;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.identity.account.LoginThrottle;
import io.labelledger.identity.account.Refusal;
import io.labelledger.identity.account.SignUpService;
import io.labelledger.identity.ldap.LdapSignIn;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.shared.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Password sign-up, login and logout for the browser (cookie session). Sign-up is {@link SignUpService}'s (a new
 * organization, or joining by invitation); this controller turns its outcome into HTTP.
 */
@RestController
@RequestMapping("/api/auth")
public class AuthController {
    private final IdentityStore identities;
    private final PasswordEncoder passwords;
    private final SignUpService signUps;
    private final Sessions sessions;
    private final ClientIp clientIp;
    private final LoginThrottle throttle;
    private final LdapSignIn ldap;
    /** The password encoder's hash of a random secret, made once (same cost settings as real accounts). */
    private volatile String dummyHash;
    private final IdentityEvents events;
    private final DirectoryQueries directory;

    public AuthController(IdentityStore identities, PasswordEncoder passwords, SignUpService signUps, Sessions sessions, ClientIp clientIp,
                          LoginThrottle throttle, LdapSignIn ldap, IdentityEvents events, DirectoryQueries directory) {
        this.identities = identities;
        this.passwords = passwords;
        this.signUps = signUps;
        this.sessions = sessions;
        this.clientIp = clientIp;
        this.throttle = throttle;
        this.ldap = ldap;
        this.events = events;
        this.directory = directory;
    }

    /** Without {@code invitation}: a new organization with the new user as Owner; with it: joins the inviting one. */
    public record SignUp(String email, String password, String displayName, String organizationName, String invitation) {}

    public record InvitationQuery(String token) {}

    public record Login(String email, String password) {}

    /**
     * Sign-up's one answer, whether the email was new or already had an account (issue 9 #9, ADR 0028): "sign in with
     * your password". A new account (and its organization, or its invitation's membership) is ready by then; for an
     * existing email nothing changed. No session is started either way: the client signs in next (throttled).
     */
    public record SignUpAccepted(String next) {
        static final SignUpAccepted SIGN_IN = new SignUpAccepted("SIGN_IN");
    }

    @PostMapping("/signup")
    public Mono<ResponseEntity<Object>> signUp(@RequestBody SignUp in, ServerWebExchange exchange) {
        var request = new SignUpService.Request(in.email(), in.password(), in.displayName(), in.organizationName(), in.invitation());
        return signUps.signUp(request, clientIp.of(exchange)).map(outcome -> switch (outcome.status()) {
            case ACCEPTED -> ResponseEntity.status(HttpStatus.ACCEPTED).<Object>body(SignUpAccepted.SIGN_IN);
            case INVALID -> ResponseEntity.badRequest().<Object>body(errors(outcome.refusal()));
            case INVITATION_NOT_FOUND -> ResponseEntity.status(HttpStatus.NOT_FOUND).<Object>body(errors(outcome.refusal()));
            case INVITATION_GONE -> ResponseEntity.status(HttpStatus.GONE).<Object>body(errors(outcome.refusal()));
        });
    }

    /** What an invitation link offers, for the sign-up page; says nothing beyond the organization's name and role. */
    @PostMapping("/invitation")
    public Mono<ResponseEntity<Object>> invitation(@RequestBody InvitationQuery in) {
        return signUps.invitation(in.token())
                   .map(found -> found.<ResponseEntity<Object>>map(i -> ResponseEntity.ok((Object) i))
                           .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(
                                   new Errors(List.of(UserError.of(ErrorCode.NOT_FOUND, "invitation", "Invitation not found"))))));
    }

    private static Errors errors(Refusal refusal) {
        return new Errors(List.of(UserError.of(refusal)));
    }

    @PostMapping("/login")
    public Mono<ResponseEntity<Object>> login(@RequestBody Login in, ServerWebExchange exchange) {
        String email = in.email() == null ? "" : in.email().strip().toLowerCase(Locale.ROOT);
        String password = in.password() == null ? "" : in.password();
        String address = clientIp.of(exchange);
        return throttle.retryAfter(email, address).flatMap(wait -> {
            if (wait == LoginThrottle.UNAVAILABLE) {
                return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).<Object>body(new Errors(List.of(
                        UserError.of(ErrorCode.UNAVAILABLE, null, "Sign-in is unavailable for a moment; try again")))));
            }
            if (wait > 0) {
                return Mono.just(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(wait))
                        .<Object>body(new Errors(List.of(UserError.of(ErrorCode.RATE_LIMITED, "password",
                                "Too many failed sign-ins; try again in " + wait + " seconds")))));
            }
            // a personal account always signs in with its own password, whatever domain an organization claims; only
            // people without one sign in through the directory of the organization that verified their domain (ADR 0026)
            // (LdapSignIn refuses personal accounts itself too: the rule holds wherever it is called from)
            return Mono.fromCallable(() -> identities.personalByEmail(email)).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(personal -> personal.isPresent() ? passwordLogin(personal, email, password, address, exchange)
                            : ldap.attempt(email, password, address).flatMap(viaDirectory -> viaDirectory
                                    .map(result -> directoryAnswer(result, email, address, exchange))
                                    .orElseGet(() -> passwordLogin(Optional.empty(), email, password, address, exchange))));
        });
    }

    private Mono<ResponseEntity<Object>> directoryAnswer(LdapSignIn.Result result, String email, String address, ServerWebExchange exchange) {
        return switch (result) {
            case LdapSignIn.Accepted(Actor actor) -> throttle.succeeded(email, address)
                    .then(sessions.signIn(Caller.from(actor), SignInMethod.LDAP, actor.organizationId(), exchange))
                    .thenReturn(ResponseEntity.ok((Object) new SessionView(actor.userId(), actor.organizationId())));
            // a wrong password stays counted (every attempt is, when it starts); any other refusal is given back
            case LdapSignIn.Refused refused -> (refused.wrongCredentials() ? Mono.<Void>empty() : throttle.notCounted(email, address))
                    .thenReturn(ResponseEntity.status(refused.status()).body((Object) new Errors(List.of(UserError.of(refused.error())))));
        };
    }

    /** {@code account}: the personal account with that email, as {@link #login} found it (empty: none). */
    private Mono<ResponseEntity<Object>> passwordLogin(Optional<IdentityStore.Account> account, String email, String password,
                                                       String address, ServerWebExchange exchange) {
        return Mono.fromCallable(() -> {
                       Optional<IdentityStore.Account> active = account.filter(IdentityStore.Account::active);
                       if (active.isEmpty()) spendTheSameTime(password);
                       Optional<Caller> caller = active
                               .filter(a -> passwords.matches(password, a.passwordHash()))
                               .flatMap(a -> {
                                   identities.loggedIn(a.userId());
                                   return identities.actor(a.userId()).map(Caller::from);
                               });
                       if (caller.isEmpty()) failedSignIn(account, address);
                       return caller;
                   })
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(found -> found
                           .map(caller -> throttle.succeeded(email, address).then(sessions.signIn(caller, SignInMethod.PASSWORD, null, exchange))
                                   .thenReturn(ResponseEntity.ok((Object) new SessionView(caller.userId(), caller.organizationId()))))
                           .orElseGet(() -> Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).<Object>body(
                                   new Errors(List.of(UserError.of(ErrorCode.VALIDATION, "password", "Wrong email or password")))))));
    }

    /**
     * An unknown (or deactivated) email costs one password hash check too, against a hash of a random secret that no
     * password matches: the time of a wrong password does not tell whether the account exists (issue 9 #9, ADR 0028).
     */
    private Optional<IdentityStore.Account> spendTheSameTime(String password) {
        passwords.matches(password, dummyHash());
        return Optional.empty();
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            dummyHash = hash = passwords.encode(java.util.Base64.getEncoder().encodeToString(secret));
        }
        return hash;
    }

    /**
     * Audit of a refused password sign-in (docs/adr/0026): for each organization the account is an active member of;
     * for an unknown email one entry of no organization that keeps nothing about the person (no email).
     */
    private void failedSignIn(Optional<IdentityStore.Account> account, String address) {
        if (account.isEmpty()) {
            events.publishNow(new SignInFailed(null, null, SignInMethod.PASSWORD, "UNKNOWN_ACCOUNT"), null, null, address);
            return;
        }
        String userId = account.get().userId();
        for (String org : directory.activeOrganizations(userId).collectList().block()) { // on boundedElastic
            events.publishNow(new SignInFailed(new OrganizationId(org), new UserId(userId), SignInMethod.PASSWORD, "WRONG_CREDENTIALS"),
                    userId, org, address);
        }
    }

    @PostMapping("/logout")
    public Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        return Sessions.end(exchange).thenReturn(ResponseEntity.noContent().build());
    }
}
