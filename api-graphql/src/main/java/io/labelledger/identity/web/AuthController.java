package io.labelledger.identity.web;

import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.api.Caller;
import io.labelledger.api.Commands;
import io.labelledger.api.ReadYourWrites;
import io.labelledger.projection.Projection;
import io.labelledger.api.UserError;
import io.labelledger.identity.api.SignInFailed;
import io.labelledger.identity.api.SignInMethod;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.account.Actor;
import io.labelledger.identity.account.ApiTokenSecrets;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.identity.account.LoginThrottle;
import io.labelledger.identity.account.PasswordPolicy;
import io.labelledger.identity.ldap.LdapSignIn;
import io.labelledger.organization.api.AcceptInvitation;
import io.labelledger.organization.api.CreateOrganization;
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
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Password sign-up, login and logout for the browser (cookie session). Sign-up without an invitation creates a new
 * organization whose Owner is the new user; with an invitation token, the new user joins the inviting organization
 * with the invitation's role (the token is single use and expires).
 */
@RestController
@RequestMapping("/api/auth")
public class AuthController {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}$");

    private final IdentityStore identities;
    private final PasswordEncoder passwords;
    private final Commands commands;
    private final Sessions sessions;
    private final ClientIp clientIp;
    private final ReadYourWrites readYourWrites;

    private final java.time.Clock clock;

    private final LoginThrottle throttle;
    private final LdapSignIn ldap;
    /** The password encoder's hash of a random secret, made once (same cost settings as real accounts). */
    private volatile String dummyHash;
    private final IdentityEvents events;
    private final DirectoryQueries directory;

    public AuthController(IdentityStore identities, PasswordEncoder passwords, Commands commands,
                          Sessions sessions, ClientIp clientIp, ReadYourWrites readYourWrites,
                          java.time.Clock clock, LoginThrottle throttle, LdapSignIn ldap, IdentityEvents events,
                          DirectoryQueries directory) {
        this.directory = directory;
        this.events = events;
        this.throttle = throttle;
        this.ldap = ldap;
        this.clock = clock;
        this.readYourWrites = readYourWrites;
        this.identities = identities;
        this.passwords = passwords;
        this.commands = commands;
        this.sessions = sessions;
        this.clientIp = clientIp;
    }

    /** Without {@code invitation}: a new organization with the new user as Owner; with it: joins the inviting one. */
    public record SignUp(String email, String password, String displayName, String organizationName, String invitation) {}

    public record InvitationInfo(String organizationName, String role, java.time.Instant expiresAt, String status) {}

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
        String email = in.email() == null ? "" : in.email().strip().toLowerCase(Locale.ROOT);
        String name = in.displayName() == null ? "" : in.displayName().strip();
        String password = in.password() == null ? "" : in.password();
        if (!EMAIL.matcher(email).matches()) return bad("email", "Enter a valid email address");
        if (name.isEmpty() || name.length() > 200) return bad("displayName", "Enter your name (up to 200 characters)");
        if (!PasswordPolicy.acceptable(password)) {
            return bad("password", "Use a password of at least " + PasswordPolicy.MIN_LENGTH + " characters");
        }
        if (in.invitation() != null && !in.invitation().isBlank()) return joinByInvitation(in.invitation().strip(), email, name, password, exchange);
        String orgName = in.organizationName() == null || in.organizationName().isBlank() ? name + "'s organization" : in.organizationName().strip();
        String userId = UUID.randomUUID().toString();
        String orgId = UUID.randomUUID().toString();
        Caller caller = new Caller(userId, orgId, "OWNER", email, name);
        return insertAccount(userId, email, name, password)
                   .flatMap(inserted -> {
                       if (!inserted) return accepted();
                       return commands.send(new CreateOrganization(new OrganizationId(orgId), orgName, new UserId(userId)), caller, clientIp.of(exchange))
                                      .flatMap(result -> {
                                          if (!result.ok()) {
                                              return Mono.fromRunnable(() -> identities.delete(userId)).subscribeOn(Schedulers.boundedElastic())
                                                         .thenReturn(ResponseEntity.badRequest().<Object>body(new Errors(List.of(result.error()))));
                                          }
                                          // membership (for later logins and API tokens) is in the directory once this returns
                                          return readYourWrites.await(orgId, Projection.DIRECTORY).then(accepted());
                                      });
                   });
    }

    /** What an invitation link offers, for the sign-up page; says nothing beyond the organization's name and role. */
    @PostMapping("/invitation")
    public Mono<ResponseEntity<Object>> invitation(@RequestBody InvitationQuery in) {
        String token = in.token() == null ? "" : in.token().strip();
        return directory.invitation(ApiTokenSecrets.hash(token)).map(Optional::of).defaultIfEmpty(Optional.empty())
                   .map(found -> found.<ResponseEntity<Object>>map(i -> ResponseEntity.ok(new InvitationInfo(i.organizationName(), i.role(), i.expiresAt(),
                                   i.used() ? "USED" : i.revoked() ? "REVOKED" : i.expiresAt().isAfter(clock.instant()) ? "OPEN" : "EXPIRED")))
                           .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(
                                   new Errors(List.of(UserError.of(ErrorCode.NOT_FOUND, "invitation", "Invitation not found"))))));
    }

    private Mono<ResponseEntity<Object>> joinByInvitation(String token, String email, String name, String password, ServerWebExchange exchange) {
        String hash = ApiTokenSecrets.hash(token);
        String userId = UUID.randomUUID().toString();
        return directory.invitation(hash).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).<Object>body(
                        new Errors(List.of(UserError.of(ErrorCode.NOT_FOUND, "invitation", "Invitation not found")))));
            }
            DirectoryQueries.OpenInvitation invitation = found.get();
            // what the invitation allows is told before anything depends on the email (same answer for every email)
            if (invitation.used() || invitation.revoked() || !invitation.expiresAt().isAfter(clock.instant())) {
                ErrorCode code = invitation.used() ? ErrorCode.INVITATION_USED : invitation.revoked() ? ErrorCode.INVITATION_REVOKED : ErrorCode.INVITATION_EXPIRED;
                return Mono.just(ResponseEntity.status(HttpStatus.GONE).<Object>body(
                        new Errors(List.of(UserError.of(code, "invitation", "This invitation can no longer be used")))));
            }
            Caller caller = new Caller(userId, invitation.organizationId(), invitation.role(), email, name);
            return insertAccount(userId, email, name, password)
                       .flatMap(inserted -> {
                           // an existing account joins by signing in and accepting (POST /api/session/invitation)
                           if (!inserted) return accepted();
                           var accept = new AcceptInvitation(new OrganizationId(invitation.organizationId()), hash, clock.instant(), new UserId(userId));
                           return commands.send(accept, caller, clientIp.of(exchange)).flatMap(result -> {
                               if (!result.ok()) {
                                   HttpStatus status = result.error().code() == ErrorCode.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
                                   return Mono.fromRunnable(() -> identities.delete(userId)).subscribeOn(Schedulers.boundedElastic())
                                              .thenReturn(ResponseEntity.status(status).<Object>body(new Errors(List.of(result.error()))));
                               }
                               return readYourWrites.await(invitation.organizationId(), Projection.DIRECTORY).then(accepted());
                           });
                       });
        });
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

    /** False when the email is taken (BCrypt and JDBC run off the event loop). */
    private Mono<Boolean> insertAccount(String userId, String email, String name, String password) {
        return Mono.fromCallable(() -> identities.insert(userId, email, name, passwords.encode(password)))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    private static Mono<ResponseEntity<Object>> accepted() {
        return Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED).<Object>body(SignUpAccepted.SIGN_IN));
    }

    private static Mono<ResponseEntity<Object>> bad(String field, String message) {
        return Mono.just(ResponseEntity.badRequest().body(new Errors(List.of(UserError.of(ErrorCode.VALIDATION, field, message)))));
    }

}
