package io.labelledger.identity.account;

import io.labelledger.identity.api.SignInFailed;
import io.labelledger.identity.api.SignInMethod;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.ldap.LdapSignIn;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.shared.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A sign-in with email and password (docs/adr/0026, 0028): the throttle first; then a personal account always signs in
 * with its own password, whatever domain an organization claims; only people without one sign in through the directory
 * of the organization that verified their domain ({@link LdapSignIn}). Failed attempts are audited; an unknown email
 * costs the same time as a wrong password. The session is the API's business: this answers who signed in, how, and
 * which organization vouched.
 */
public class SignInService {
    private final IdentityStore identities;
    private final Principals principals;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final LdapSignIn ldap;
    private final IdentityEvents events;
    private final DirectoryQueries directory;
    /** The password encoder's hash of a random secret, made once (same cost settings as real accounts). */
    private volatile String dummyHash;

    public SignInService(IdentityStore identities, Principals principals, PasswordEncoder passwords, LoginThrottle throttle, LdapSignIn ldap,
                         IdentityEvents events, DirectoryQueries directory) {
        this.identities = identities;
        this.principals = principals;
        this.passwords = passwords;
        this.throttle = throttle;
        this.ldap = ldap;
        this.events = events;
        this.directory = directory;
    }

    public sealed interface Result {}

    /** {@code boundOrganizationId}: the organization whose directory vouched (null: a personal account's own password). */
    public record SignedIn(Actor actor, SignInMethod method, String boundOrganizationId) implements Result {}

    /** {@code retryAfterSeconds}: when the throttle refused (0 otherwise). */
    public record Refused(HttpStatus status, Refusal refusal, long retryAfterSeconds) implements Result {}

    public Mono<Result> signIn(String rawEmail, String rawPassword, String address) {
        String email = rawEmail == null ? "" : rawEmail.strip().toLowerCase(Locale.ROOT);
        String password = rawPassword == null ? "" : rawPassword;
        return throttle.retryAfter(email, address).flatMap(wait -> {
            if (wait == LoginThrottle.UNAVAILABLE) {
                return Mono.just(new Refused(HttpStatus.SERVICE_UNAVAILABLE,
                        Refusal.of(ErrorCode.UNAVAILABLE, null, "Sign-in is unavailable for a moment; try again"), 0));
            }
            if (wait > 0) {
                return Mono.just(new Refused(HttpStatus.TOO_MANY_REQUESTS,
                        Refusal.of(ErrorCode.RATE_LIMITED, "password", "Too many failed sign-ins; try again in " + wait + " seconds"), wait));
            }
            // (LdapSignIn refuses personal accounts itself too: the rule holds wherever it is called from)
            return Mono.fromCallable(() -> identities.personalByEmail(email)).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(personal -> personal.isPresent() ? passwordSignIn(personal, email, password, address)
                            : ldap.attempt(email, password, address).flatMap(viaDirectory -> viaDirectory
                                    .map(result -> directoryAnswer(result, email, address))
                                    .orElseGet(() -> passwordSignIn(Optional.empty(), email, password, address))));
        });
    }

    private Mono<Result> directoryAnswer(LdapSignIn.Result result, String email, String address) {
        return switch (result) {
            case LdapSignIn.Accepted(Actor actor) -> throttle.succeeded(email, address)
                    .thenReturn(new SignedIn(actor, SignInMethod.LDAP, actor.organizationId()));
            // a wrong password stays counted (every attempt is, when it starts); any other refusal is given back
            case LdapSignIn.Refused refused -> (refused.wrongCredentials() ? Mono.<Void>empty() : throttle.notCounted(email, address))
                    .thenReturn(new Refused(refused.status(), refused.error(), 0));
        };
    }

    /** {@code account}: the personal account with that email (empty: none). */
    private Mono<Result> passwordSignIn(Optional<IdentityStore.Account> account, String email, String password, String address) {
        return Mono.fromCallable(() -> {
                       Optional<IdentityStore.Account> active = account.filter(IdentityStore.Account::active);
                       if (active.isEmpty()) spendTheSameTime(password);
                       return active.filter(a -> passwords.matches(password, a.passwordHash()));
                   })
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(matched -> matched.isEmpty() ? Mono.<Actor>empty()
                           : Mono.fromRunnable(() -> identities.loggedIn(matched.get().userId())).subscribeOn(Schedulers.boundedElastic())
                                 .then(principals.firstMembership(matched.get().userId())))
                   .<Result>flatMap(actor -> throttle.succeeded(email, address).thenReturn(new SignedIn(actor, SignInMethod.PASSWORD, null)))
                   .switchIfEmpty(Mono.defer(() -> Mono.fromRunnable(() -> failedSignIn(account, address)).subscribeOn(Schedulers.boundedElastic())
                           .thenReturn(new Refused(HttpStatus.UNAUTHORIZED, Refusal.of(ErrorCode.VALIDATION, "password", "Wrong email or password"), 0))));
    }

    /**
     * An unknown (or deactivated) email costs one password hash check too, against a hash of a random secret that no
     * password matches: the time of a wrong password does not tell whether the account exists (issue 9 #9, ADR 0028).
     */
    private void spendTheSameTime(String password) {
        passwords.matches(password, dummyHash());
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            dummyHash = hash = passwords.encode(Base64.getEncoder().encodeToString(secret));
        }
        return hash;
    }

    /**
     * Audit of a refused password sign-in (docs/adr/0026): for each organization the account is an active member of;
     * for an unknown email one entry of no organization that keeps nothing about the person (no email). Blocking.
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
}
