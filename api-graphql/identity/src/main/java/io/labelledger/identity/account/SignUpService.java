package io.labelledger.identity.account;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.AcceptInvitation;
import io.labelledger.organization.api.CreateOrganization;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.read.DirectoryQueries;
import io.labelledger.projection.Projection;
import io.labelledger.projection.ReadYourWrites;
import io.labelledger.shared.ErrorCode;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Password sign-up. Without an invitation: a new account and a new organization whose Owner it is; with an invitation
 * token, the new account joins the inviting organization with the invitation's role (single use, expires). An email
 * that already has an account gets the same answer and nothing changes (issue 9 #9, ADR 0028).
 */
public class SignUpService {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}$");

    private final IdentityStore identities;
    private final PasswordEncoder passwords;
    private final IdentityCommands commands;
    private final ReadYourWrites readYourWrites;
    private final DirectoryQueries directory;
    private final Clock clock;

    public SignUpService(IdentityStore identities, PasswordEncoder passwords, IdentityCommands commands, ReadYourWrites readYourWrites,
                         DirectoryQueries directory, Clock clock) {
        this.identities = identities;
        this.passwords = passwords;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.directory = directory;
        this.clock = clock;
    }

    public record Request(String email, String password, String displayName, String organizationName, String invitation) {}

    /** How sign-up ended: {@code ACCEPTED} (sign in next), or refused for the {@code refusal}'s reason. */
    public enum Status { ACCEPTED, INVALID, INVITATION_NOT_FOUND, INVITATION_GONE }

    public record Outcome(Status status, Refusal refusal) {
        static final Outcome ACCEPTED = new Outcome(Status.ACCEPTED, null);
    }

    /** What an invitation link offers, for the sign-up page: nothing beyond the organization's name and role. */
    public record InvitationInfo(String organizationName, String role, Instant expiresAt, String status) {}

    public Mono<Outcome> signUp(Request in, String clientIp) {
        String email = in.email() == null ? "" : in.email().strip().toLowerCase(Locale.ROOT);
        String name = in.displayName() == null ? "" : in.displayName().strip();
        String password = in.password() == null ? "" : in.password();
        if (!EMAIL.matcher(email).matches()) return invalid("email", "Enter a valid email address");
        if (name.isEmpty() || name.length() > 200) return invalid("displayName", "Enter your name (up to 200 characters)");
        if (!PasswordPolicy.acceptable(password)) {
            return invalid("password", "Use a password of at least " + PasswordPolicy.MIN_LENGTH + " characters");
        }
        if (in.invitation() != null && !in.invitation().isBlank()) return joinByInvitation(in.invitation().strip(), email, name, password, clientIp);
        String orgName = in.organizationName() == null || in.organizationName().isBlank() ? name + "'s organization" : in.organizationName().strip();
        String userId = UUID.randomUUID().toString();
        String orgId = UUID.randomUUID().toString();
        Actor actor = new Actor(userId, orgId, "OWNER", email, name);
        return insertAccount(userId, email, name, password)
                   .flatMap(inserted -> {
                       if (!inserted) return Mono.just(Outcome.ACCEPTED);
                       return commands.send(new CreateOrganization(new OrganizationId(orgId), orgName, new UserId(userId)), actor, clientIp)
                                      .flatMap(refused -> {
                                          if (refused.isPresent()) {
                                              return Mono.fromRunnable(() -> identities.delete(userId)).subscribeOn(Schedulers.boundedElastic())
                                                         .thenReturn(new Outcome(Status.INVALID, refused.get()));
                                          }
                                          // membership (for later logins and API tokens) is in the directory once this returns
                                          return readYourWrites.await(orgId, Projection.DIRECTORY).thenReturn(Outcome.ACCEPTED);
                                      });
                   });
    }

    /** Empty when no invitation has that token. */
    public Mono<Optional<InvitationInfo>> invitation(String token) {
        String hash = ApiTokenSecrets.hash(token == null ? "" : token.strip());
        return directory.invitation(hash).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(found -> found.map(i -> new InvitationInfo(i.organizationName(), i.role(), i.expiresAt(),
                                i.used() ? "USED" : i.revoked() ? "REVOKED" : i.expiresAt().isAfter(clock.instant()) ? "OPEN" : "EXPIRED")));
    }

    private Mono<Outcome> joinByInvitation(String token, String email, String name, String password, String clientIp) {
        String hash = ApiTokenSecrets.hash(token);
        String userId = UUID.randomUUID().toString();
        return directory.invitation(hash).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(new Outcome(Status.INVITATION_NOT_FOUND, Refusal.of(ErrorCode.NOT_FOUND, "invitation", "Invitation not found")));
            }
            DirectoryQueries.OpenInvitation invitation = found.get();
            // what the invitation allows is told before anything depends on the email (same answer for every email)
            if (invitation.used() || invitation.revoked() || !invitation.expiresAt().isAfter(clock.instant())) {
                ErrorCode code = invitation.used() ? ErrorCode.INVITATION_USED : invitation.revoked() ? ErrorCode.INVITATION_REVOKED : ErrorCode.INVITATION_EXPIRED;
                return Mono.just(new Outcome(Status.INVITATION_GONE, Refusal.of(code, "invitation", "This invitation can no longer be used")));
            }
            Actor actor = new Actor(userId, invitation.organizationId(), invitation.role(), email, name);
            return insertAccount(userId, email, name, password)
                       .flatMap(inserted -> {
                           // an existing account joins by signing in and accepting (POST /api/session/invitation)
                           if (!inserted) return Mono.just(Outcome.ACCEPTED);
                           var accept = new AcceptInvitation(new OrganizationId(invitation.organizationId()), hash, clock.instant(), new UserId(userId));
                           return commands.send(accept, actor, clientIp).flatMap(refused -> {
                               if (refused.isPresent()) {
                                   Status status = refused.get().code() == ErrorCode.NOT_FOUND ? Status.INVITATION_NOT_FOUND : Status.INVITATION_GONE;
                                   return Mono.fromRunnable(() -> identities.delete(userId)).subscribeOn(Schedulers.boundedElastic())
                                              .thenReturn(new Outcome(status, refused.get()));
                               }
                               return readYourWrites.await(invitation.organizationId(), Projection.DIRECTORY).thenReturn(Outcome.ACCEPTED);
                           });
                       });
        });
    }

    /** False when the email is taken (BCrypt and JDBC run off the event loop). */
    private Mono<Boolean> insertAccount(String userId, String email, String name, String password) {
        return Mono.fromCallable(() -> identities.insert(userId, email, name, passwords.encode(password)))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    private static Mono<Outcome> invalid(String field, String message) {
        return Mono.just(new Outcome(Status.INVALID, Refusal.of(ErrorCode.VALIDATION, field, message)));
    }
}
