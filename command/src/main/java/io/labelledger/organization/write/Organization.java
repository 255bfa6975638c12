package io.labelledger.organization.write;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.AcceptInvitation;
import io.labelledger.organization.api.ChangeMemberRole;
import io.labelledger.organization.api.CreateInvitation;
import io.labelledger.organization.api.CreateOrganization;
import io.labelledger.organization.api.DeactivateMember;
import io.labelledger.organization.api.InvitationAccepted;
import io.labelledger.organization.api.InvitationCreated;
import io.labelledger.organization.api.InvitationId;
import io.labelledger.organization.api.MemberDeactivated;
import io.labelledger.organization.api.MemberJoined;
import io.labelledger.organization.api.MemberProvisioned;
import io.labelledger.organization.api.MemberReactivated;
import io.labelledger.organization.api.MemberRoleChanged;
import io.labelledger.organization.api.OrganizationCreated;
import io.labelledger.organization.api.OrganizationId;
import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.organization.api.ProvisionMember;
import io.labelledger.organization.api.ReactivateMember;
import io.labelledger.shared.Conflict;
import io.labelledger.shared.Forbidden;
import io.labelledger.shared.NotFound;
import io.labelledger.shared.ValidationFailed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.labelledger.organization.api.OrganizationRole.ADMIN;
import static io.labelledger.organization.api.OrganizationRole.OWNER;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organization and its members' roles. Rules (named policies below):
 * <ul>
 * <li>at least one active Owner, always ({@link LastOwner});</li>
 * <li>only active Owners and Admins manage members; only an Owner grants or removes the Owner role (an Admin
 *     manages the roles below Owner); everybody else is {@link Forbidden};</li>
 * <li>invitations are single use and expire; only the hash of their token is known here.</li>
 * </ul>
 * The actor's role is taken from this aggregate's own state, never from what the caller claims.
 */
@Aggregate
public class Organization {
    static final int MAX_NAME = 200;
    static final Duration MAX_INVITATION_VALIDITY = Duration.ofDays(30);
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    @AggregateIdentifier
    private OrganizationId id;
    private final Map<UserId, Member> members = new HashMap<>();
    /** Open invitations by token hash; accepted ones move to {@link #usedInvitations}. */
    private final Map<String, Invitation> invitations = new HashMap<>();
    private final Set<String> usedInvitations = new HashSet<>();

    private record Member(OrganizationRole role, boolean active) {}

    private record Invitation(InvitationId id, OrganizationRole role, Instant expiresAt) {}

    protected Organization() {}

    @CommandHandler
    public Organization(CreateOrganization cmd) {
        String name = cmd.name() == null ? "" : cmd.name().strip();
        if (name.isEmpty()) throw new ValidationFailed("organizationName", "Organization name is required");
        if (name.length() > MAX_NAME) throw new ValidationFailed("organizationName", "Organization name is too long");
        apply(new OrganizationCreated(cmd.organizationId(), name, cmd.owner()));
        apply(new MemberJoined(cmd.organizationId(), cmd.owner(), OWNER, cmd.owner()));
    }

    @CommandHandler
    void handle(CreateInvitation cmd) {
        OrganizationRole actor = requireManager(cmd.by());
        if (cmd.role() == null) throw new ValidationFailed("role", "Choose the role of the invited person");
        mayGrant(actor, cmd.role(), "role");
        if (cmd.tokenHash() == null || !SHA256_HEX.matcher(cmd.tokenHash()).matches()) {
            throw new ValidationFailed("tokenHash", "The invitation token hash must be a SHA-256 in hex");
        }
        if (invitations.containsKey(cmd.tokenHash()) || usedInvitations.contains(cmd.tokenHash())) {
            throw new Conflict("tokenHash", "This invitation token exists already");
        }
        if (cmd.expiresAt() == null || !cmd.expiresAt().isAfter(cmd.now())) {
            throw new ValidationFailed("expiresAt", "The expiry must lie in the future");
        }
        if (cmd.expiresAt().isAfter(cmd.now().plus(MAX_INVITATION_VALIDITY))) {
            throw new ValidationFailed("expiresAt", "An invitation is valid for at most " + MAX_INVITATION_VALIDITY.toDays() + " days");
        }
        apply(new InvitationCreated(id, cmd.invitationId(), cmd.tokenHash(), cmd.role(), cmd.expiresAt(), cmd.by()));
    }

    @CommandHandler
    void handle(AcceptInvitation cmd) {
        if (usedInvitations.contains(cmd.tokenHash())) throw new InvitationUsed();
        Invitation invitation = invitations.get(cmd.tokenHash());
        if (invitation == null) throw new NotFound("Invitation", "invitation");
        if (!cmd.now().isBefore(invitation.expiresAt())) throw new InvitationExpired();
        if (members.containsKey(cmd.by())) throw new Conflict("invitation", "You are a member of this organization already");
        apply(new InvitationAccepted(id, invitation.id(), cmd.by()));
        apply(new MemberJoined(id, cmd.by(), invitation.role(), cmd.by()));
    }

    @CommandHandler
    void handle(ChangeMemberRole cmd) {
        OrganizationRole actor = requireManager(cmd.by());
        Member target = requireMember(cmd.userId());
        if (cmd.role() == null) throw new ValidationFailed("role", "Choose a role");
        if (cmd.role() == target.role()) return; // nothing changes, nothing to record
        mayGrant(actor, target.role(), "userId");
        mayGrant(actor, cmd.role(), "role");
        if (target.active() && target.role() == OWNER) requireAnotherActiveOwner(cmd.userId());
        apply(new MemberRoleChanged(id, cmd.userId(), target.role(), cmd.role(), cmd.by()));
    }

    @CommandHandler
    void handle(DeactivateMember cmd) {
        OrganizationRole actor = requireManager(cmd.by());
        Member target = requireMember(cmd.userId());
        mayGrant(actor, target.role(), "userId");
        if (!target.active()) return;
        if (target.role() == OWNER) requireAnotherActiveOwner(cmd.userId());
        apply(new MemberDeactivated(id, cmd.userId(), cmd.by()));
    }

    @CommandHandler
    void handle(ReactivateMember cmd) {
        OrganizationRole actor = requireManager(cmd.by());
        Member target = requireMember(cmd.userId());
        mayGrant(actor, target.role(), "userId");
        if (target.active()) return;
        apply(new MemberReactivated(id, cmd.userId(), cmd.by()));
    }

    /**
     * Identity sources never grant the Owner role (a misconfigured IdP mapping must not hand out full control) and
     * never demote an Owner: Owners are managed inside LabelLedger. They may deactivate one, unless it is the last.
     */
    @CommandHandler
    void handle(ProvisionMember cmd) {
        if (cmd.role() == null) throw new ValidationFailed("role", "Choose a role");
        if (cmd.source() == null) throw new ValidationFailed("source", "The identity source is required");
        Member current = members.get(cmd.userId());
        OrganizationRole role = cmd.role();
        if (current != null && current.role() == OWNER) {
            role = OWNER;
        } else if (role == OWNER) {
            throw new Forbidden("role", "An identity provider cannot grant the Owner role");
        }
        if (current == null && !cmd.active()) return; // deprovisioning somebody who never joined: nothing to do
        if (current != null && current.role() == role && current.active() == cmd.active()) return;
        if (current != null && current.role() == OWNER && current.active() && !cmd.active()) requireAnotherActiveOwner(cmd.userId());
        apply(new MemberProvisioned(id, cmd.userId(), role, cmd.active(), cmd.source()));
    }

    // ---- policies ---------------------------------------------------------------------------------------

    /** Only active Owners and Admins manage members; returns the actor's role. */
    private OrganizationRole requireManager(UserId actor) {
        Member m = members.get(actor);
        if (m == null || !m.active()) throw new NotFound("Organization", "organizationId"); // not a member: does not exist for them
        if (m.role() != OWNER && m.role() != ADMIN) throw new Forbidden(null, "Only Owners and Admins manage members");
        return m.role();
    }

    /** Only an Owner grants, removes or touches the Owner role; an Admin manages the roles below it. */
    private static void mayGrant(OrganizationRole actor, OrganizationRole role, String field) {
        if (role == OWNER && actor != OWNER) throw new Forbidden(field, "Only an Owner manages Owners");
    }

    private Member requireMember(UserId user) {
        Member m = members.get(user);
        if (m == null) throw new NotFound("Member", "userId");
        return m;
    }

    private void requireAnotherActiveOwner(UserId leaving) {
        boolean another = members.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(leaving) && e.getValue().active() && e.getValue().role() == OWNER);
        if (!another) throw new LastOwner();
    }

    // ---- state --------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(OrganizationCreated e) { id = e.organizationId(); }

    @EventSourcingHandler
    void on(MemberJoined e) { members.put(e.userId(), new Member(e.role(), true)); }

    @EventSourcingHandler
    void on(MemberProvisioned e) { members.put(e.userId(), new Member(e.role(), e.active())); }

    @EventSourcingHandler
    void on(InvitationCreated e) { invitations.put(e.tokenHash(), new Invitation(e.invitationId(), e.role(), e.expiresAt())); }

    @EventSourcingHandler
    void on(InvitationAccepted e) {
        // the hash is kept to answer "used" rather than "unknown"
        invitations.entrySet().removeIf(entry -> {
            boolean accepted = entry.getValue().id().equals(e.invitationId());
            if (accepted) usedInvitations.add(entry.getKey());
            return accepted;
        });
    }

    @EventSourcingHandler
    void on(MemberRoleChanged e) { members.computeIfPresent(e.userId(), (u, m) -> new Member(e.to(), m.active())); }

    @EventSourcingHandler
    void on(MemberDeactivated e) { members.computeIfPresent(e.userId(), (u, m) -> new Member(m.role(), false)); }

    @EventSourcingHandler
    void on(MemberReactivated e) { members.computeIfPresent(e.userId(), (u, m) -> new Member(m.role(), true)); }
}
