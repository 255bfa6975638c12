package io.labelledger.identity.ldap;

import io.labelledger.identity.account.Actor;
import io.labelledger.identity.account.IdentityCommands;
import io.labelledger.identity.account.Refusal;
import io.labelledger.identity.api.SignInFailed;
import io.labelledger.identity.api.SignInMethod;
import io.labelledger.identity.api.UserId;
import io.labelledger.identity.account.IdentityEvents;
import io.labelledger.identity.account.IdentityStore;
import io.labelledger.identity.account.Principals;
import io.labelledger.organization.api.IdentitySource;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.ProvisionMember;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.projection.Projection;
import io.labelledger.projection.ReadYourWrites;
import io.labelledger.shared.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in through an organization's directory, found by the email's domain. A person signing in this way is created
 * on first sign-in and their membership follows their directory groups at every sign-in ({@link ProvisionMember}).
 * The directory is asked only about people of a domain its organization verified, and never about a personal account:
 * claiming a domain must not take over anybody's account (docs/adr/0015, docs/adr/0026).
 */
public class LdapSignIn {
    private final LdapSettingsStore settings;
    private final LdapDirectory directory;
    private final IdentityStore identities;
    private final PasswordEncoder passwords;
    private final IdentityCommands commands;
    private final ReadYourWrites readYourWrites;
    private final SecureRandom random = new SecureRandom();
    /** Audit of refused directory sign-ins. */
    private final IdentityEvents events;
    private final DirectoryQueries members;
    private final Principals principals;

    public LdapSignIn(LdapSettingsStore settings, LdapDirectory directory, IdentityStore identities, PasswordEncoder passwords,
                      IdentityCommands commands, ReadYourWrites readYourWrites, IdentityEvents events, DirectoryQueries members) {
        this.members = members;
        this.principals = new Principals(members, identities);
        this.events = events;
        this.settings = settings;
        this.directory = directory;
        this.identities = identities;
        this.passwords = passwords;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    public sealed interface Result {}

    public record Accepted(Actor actor) implements Result {}

    /** {@code wrongCredentials}: counts as a failed sign-in for throttling. */
    public record Refused(HttpStatus status, Refusal error, boolean wrongCredentials) implements Result {}

    private record Verified(LdapSettings settings, String userId, LdapDirectory.SignedIn person) {}

    /** Empty when the email is not the directory's to answer: the caller signs in with the password kept here. */
    public Mono<Optional<Result>> attempt(String email, String password, String clientIp) {
        return Mono.fromCallable(() -> verify(email, password))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(outcome -> outcome.map(o -> o instanceof Verified v ? provision(v, email, clientIp).map(Optional::of)
                           : Mono.just(Optional.of((Result) o))).orElse(Mono.just(Optional.empty())));
    }

    /**
     * Blocking: directory and JDBC. Returns a Verified person, a Refused result, or empty (not the directory's).
     * Only the organization holding the domain's verified claim answers, and never for a personal account: a claim
     * does not override password sign-in, so such a person's password never reaches the directory (docs/adr/0026).
     * A person signing in this way is an identity bound to the organization, created at the first sign-in.
     */
    private Optional<Object> verify(String email, String password) {
        int at = email.lastIndexOf('@');
        if (at < 0) return Optional.empty();
        Optional<LdapSettings> found = settings.forDomain(email.substring(at + 1));
        if (found.isEmpty()) return Optional.empty();
        if (identities.personalByEmail(email).isPresent()) return Optional.empty();
        LdapSettings s = found.get();
        String org = s.organizationId();
        Optional<IdentityStore.Account> account = identities.boundByEmail(email, org);
        String known = account.map(IdentityStore.Account::userId).orElse(null);
        if (account.isPresent() && !account.get().active()) return Optional.of(failed(org, known, "DEACTIVATED", wrong()));
        Optional<Boolean> membership = account.flatMap(a -> members.membershipActive(a.userId(), org).blockOptional()); // on boundedElastic
        if (membership.isPresent() && !membership.get()) {
            // deactivated in LabelLedger: the directory does not overrule that decision
            return Optional.of(failed(org, known, "DEACTIVATED", new Refused(HttpStatus.FORBIDDEN, Refusal.of(ErrorCode.FORBIDDEN, "email",
                    "Your access to this organization was removed; ask an administrator"), false)));
        }
        return Optional.of(switch (directory.authenticate(s, email, password)) {
            case LdapDirectory.Refused(LdapDirectory.Reason reason) -> switch (reason) {
                case BAD_CREDENTIALS -> failed(org, known, known == null ? "UNKNOWN_ACCOUNT" : "WRONG_CREDENTIALS", wrong());
                case NO_ACCESS -> failed(org, known, "NO_ACCESS", new Refused(HttpStatus.FORBIDDEN, Refusal.of(ErrorCode.FORBIDDEN, "email",
                        "Your directory account is in no group that gives access to this organization"), false));
                case UNAVAILABLE -> new Refused(HttpStatus.SERVICE_UNAVAILABLE, Refusal.of(ErrorCode.UNAVAILABLE, null,
                        "Your organization's directory did not answer; try again later"), false);
            };
            case LdapDirectory.SignedIn person -> new Verified(s, account.map(IdentityStore.Account::userId)
                    .orElseGet(() -> createAccount(email, person.displayName(), org)), person);
        });
    }

    /** Records the refusal for the organization's auditors (no email: the person may be unknown), then returns it. */
    private Refused failed(String organizationId, String userId, String reason, Refused refused) {
        events.publishNow(new SignInFailed(new OrganizationId(organizationId), userId == null ? null : new UserId(userId),
                SignInMethod.LDAP, reason), userId, organizationId, null);
        return refused;
    }

    private String createAccount(String email, String displayName, String organizationId) {
        // no password of ours: a random secret nobody knows, so password sign-in can never succeed for this account
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String userId = UUID.randomUUID().toString();
        String name = displayName.length() > 200 ? displayName.substring(0, 200) : displayName;
        if (identities.insertBound(userId, email, name, passwords.encode(Base64.getEncoder().encodeToString(secret)), organizationId)) return userId;
        return identities.boundByEmail(email, organizationId).orElseThrow().userId(); // created meanwhile by a parallel sign-in
    }

    private Mono<Result> provision(Verified v, String email, String clientIp) {
        String org = v.settings().organizationId();
        Actor actor = new Actor(v.userId(), org, v.person().role().name(), email, v.person().displayName());
        var cmd = new ProvisionMember(new OrganizationId(org), new UserId(v.userId()), v.person().role(), true, IdentitySource.LDAP);
        return commands.send(cmd, actor, clientIp).flatMap(refusal -> {
            if (refusal.isPresent()) return Mono.just((Result) new Refused(HttpStatus.FORBIDDEN, refusal.get(), false));
            return readYourWrites.await(org, Projection.DIRECTORY)
                                 .then(Mono.fromRunnable(() -> identities.loggedIn(v.userId())).subscribeOn(Schedulers.boundedElastic()))
                                 .then(principals.current(v.userId(), org))
                                 .map(c -> (Result) new Accepted(c))
                                 .defaultIfEmpty(new Refused(HttpStatus.SERVICE_UNAVAILABLE,
                                         Refusal.of(ErrorCode.UNAVAILABLE, null, "Your membership is being set up; try again in a moment"), false));
        });
    }

    private static Refused wrong() {
        return new Refused(HttpStatus.UNAUTHORIZED, Refusal.of(ErrorCode.VALIDATION, "password", "Wrong email or password"), true);
    }
}
