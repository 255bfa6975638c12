package io.labelledger.identity.account;

import io.labelledger.identity.api.AllSessionsEnded;
import io.labelledger.identity.api.PasswordChanged;
import io.labelledger.shared.ErrorCode;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The signed-in person's own account (docs/adr/0026): sign out everywhere, and a password change. Both raise the
 * account's session epoch (every browser session of an older epoch is over at its next request) and are events of the
 * identity context. Which session, if any, adopts the new epoch is the API's business.
 */
public class AccountService {
    private final IdentityStore identities;
    private final PasswordEncoder passwords;
    private final IdentityEvents events;

    public AccountService(IdentityStore identities, PasswordEncoder passwords, IdentityEvents events) {
        this.identities = identities;
        this.passwords = passwords;
        this.events = events;
    }

    /** Ends every browser session of the account; answers the new epoch. */
    public Mono<Integer> signOutEverywhere(Actor actor, String clientIp) {
        return Mono.fromCallable(() -> {
            int epoch = identities.endSessions(actor.userId());
            events.publishNow(new AllSessionsEnded(actor.organization(), actor.user()), actor.userId(), actor.organizationId(), clientIp);
            return epoch;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** A changed password's new session epoch, or why it was refused. */
    public record PasswordChange(Refusal refusal, int epoch) {
        public boolean changed() { return refusal == null; }

        static PasswordChange refused(ErrorCode code, String field, String message) {
            return new PasswordChange(Refusal.of(code, field, message), -1);
        }
    }

    /** Personal accounts only: an organization's identity signs in through its IdP or directory. */
    public Mono<PasswordChange> changePassword(Actor actor, String currentPassword, String newPassword, String clientIp) {
        String current = currentPassword == null ? "" : currentPassword;
        String next = newPassword == null ? "" : newPassword;
        if (!PasswordPolicy.acceptable(next)) {
            return Mono.just(PasswordChange.refused(ErrorCode.VALIDATION, "newPassword",
                    "Use a password of at least " + PasswordPolicy.MIN_LENGTH + " characters"));
        }
        return Mono.fromCallable(() -> {
            IdentityStore.Account account = identities.byId(actor.userId()).orElseThrow();
            if (!account.personal()) {
                return PasswordChange.refused(ErrorCode.FORBIDDEN, null,
                        "Your organization's identity provider or directory manages your sign-in; change your password there");
            }
            if (!passwords.matches(current, account.passwordHash())) {
                return PasswordChange.refused(ErrorCode.VALIDATION, "currentPassword", "Your current password is not this one");
            }
            int epoch = identities.changePassword(actor.userId(), passwords.encode(next));
            events.publishNow(new PasswordChanged(actor.organization(), actor.user()), actor.userId(), actor.organizationId(), clientIp);
            return new PasswordChange(null, epoch);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
