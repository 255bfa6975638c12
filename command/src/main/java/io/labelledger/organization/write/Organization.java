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
import io.labelledger.organization.api.InvitationRevoked;
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
import io.labelledger.organization.api.RevokeInvitation;
import io.labelledger.organization.api.SessionPolicyChanged;
import io.labelledger.organization.api.SetSessionPolicy;
import io.labelledger.organization.api.AddWorkspaceMembers;
import io.labelledger.organization.api.ArchiveWorkspace;
import io.labelledger.organization.api.ConfigureLdap;
import io.labelledger.organization.api.CreateWorkspace;
import io.labelledger.organization.api.IdentitySource;
import io.labelledger.organization.api.LdapSettingsChanged;
import io.labelledger.organization.api.MoveProject;
import io.labelledger.organization.api.ProjectMoved;
import io.labelledger.organization.api.RemoveWorkspaceMember;
import io.labelledger.organization.api.RenameWorkspace;
import io.labelledger.organization.api.WorkspaceArchived;
import io.labelledger.organization.api.WorkspaceCreated;
import io.labelledger.organization.api.WorkspaceId;
import io.labelledger.organization.api.WorkspaceMemberAdded;
import io.labelledger.organization.api.WorkspaceMemberRemoved;
import io.labelledger.organization.api.WorkspaceRenamed;
import io.labelledger.organization.api.WorkspaceRestored;
import io.labelledger.project.api.ProjectId;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.labelledger.organization.api.OrganizationRole.ADMIN;
import static io.labelledger.organization.api.OrganizationRole.MANAGER;
import static io.labelledger.organization.api.OrganizationRole.OWNER;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organization and its members' roles. Rules (named policies below):
 * <ul>
 * <li>at least one active Owner, always ({@link LastOwner});</li>
 * <li>only active Owners and Admins manage members; only an Owner grants or removes the Owner role (an Admin
 *     manages the roles below Owner); everybody else is {@link Forbidden};</li>
 * <li>invitations are single use and expire; only the hash of their token is known here;</li>
 * <li>workspaces have unique names; Owners and Admins create, rename and archive them; a Manager who belongs to a
 *     workspace manages its members and moves projects between the workspaces they belong to; an archived workspace
 *     takes no projects.</li>
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
    /** Every invitation by token hash; used and revoked ones stay, to answer "used"/"withdrawn" rather than "unknown". */
    private final Map<String, Invitation> invitations = new HashMap<>();

    private record Member(OrganizationRole role, boolean active) {}

    private final Map<WorkspaceId, Workspace> workspaces = new HashMap<>();
    /** Where each project is; a project in no workspace is absent. */
    private final Map<ProjectId, WorkspaceId> projectWorkspace = new HashMap<>();

    private record Workspace(String name, boolean archived, Set<UserId> members) {}

    private enum InvitationState { OPEN, USED, REVOKED }

    private record Invitation(InvitationId id, OrganizationRole role, Instant expiresAt, InvitationState state) {
        Invitation with(InvitationState next) { return new Invitation(id, role, expiresAt, next); }
    }

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
        if (invitations.containsKey(cmd.tokenHash())) {
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
        Invitation invitation = invitations.get(cmd.tokenHash());
        if (invitation == null) throw new NotFound("Invitation", "invitation");
        if (invitation.state() == InvitationState.USED) throw new InvitationUsed();
        if (invitation.state() == InvitationState.REVOKED) throw new RevokedInvitation();
        if (!cmd.now().isBefore(invitation.expiresAt())) throw new InvitationExpired();
        if (members.containsKey(cmd.by())) throw new Conflict("invitation", "You are a member of this organization already");
        apply(new InvitationAccepted(id, invitation.id(), cmd.by()));
        apply(new MemberJoined(id, cmd.by(), invitation.role(), cmd.by()));
    }

    /** An Admin withdraws invitations below Owner; an Owner any. Accepted ones cannot be withdrawn (deactivate instead). */
    @CommandHandler
    void handle(RevokeInvitation cmd) {
        OrganizationRole actor = requireManager(cmd.by());
        Invitation invitation = invitations.values().stream().filter(i -> i.id().equals(cmd.invitationId())).findFirst()
                .orElseThrow(() -> new NotFound("Invitation", "invitationId"));
        if (invitation.state() == InvitationState.REVOKED) return; // withdrawn already
        if (invitation.state() == InvitationState.USED) {
            throw new Conflict("invitationId", "This invitation was accepted already; deactivate the member instead");
        }
        mayGrant(actor, invitation.role(), "invitationId");
        apply(new InvitationRevoked(id, cmd.invitationId(), cmd.by()));
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
        if (cmd.source() == IdentitySource.SCIM && cmd.by() == null) {
            throw new Forbidden(null, "A SCIM token acts for the person who created it");
        }
        if (cmd.by() != null) requireManager(cmd.by()); // the token creator's current rights (docs/adr/0026)
        if (current == null && !cmd.active()) return; // deprovisioning somebody who never joined: nothing to do
        if (current != null && current.role() == role && current.active() == cmd.active()) return;
        if (cmd.by() != null) {
            OrganizationRole actor = members.get(cmd.by()).role();
            if (current != null) mayGrant(actor, current.role(), "userId"); // only Owners touch Owners, through any adapter
        }
        if (current != null && current.role() == OWNER && current.active() && !cmd.active()) requireAnotherActiveOwner(cmd.userId());
        apply(new MemberProvisioned(id, cmd.userId(), role, cmd.active(), cmd.source()));
    }

    /** Only Owners and Admins change how members sign in. */
    @CommandHandler
    void handle(ConfigureLdap cmd) {
        requireManager(cmd.by());
        String domain = cmd.emailDomain() == null ? "" : cmd.emailDomain().strip().toLowerCase(Locale.ROOT);
        if (!EMAIL_DOMAIN.matcher(domain).matches()) throw new ValidationFailed("emailDomain", "Enter the email domain of the directory's people (example.com)");
        apply(new LdapSettingsChanged(id, cmd.enabled(), domain, cmd.url(), cmd.by()));
    }

    static final int MAX_IDLE_MINUTES = 7 * 24 * 60;
    static final int MAX_SESSION_HOURS = 90 * 24;

    /** Only Owners and Admins; bounds keep a typo from signing everybody out every minute or never. */
    @CommandHandler
    void handle(SetSessionPolicy cmd) {
        requireManager(cmd.by());
        if (cmd.idleTimeoutMinutes() != null && (cmd.idleTimeoutMinutes() < 5 || cmd.idleTimeoutMinutes() > MAX_IDLE_MINUTES)) {
            throw new ValidationFailed("idleTimeoutMinutes", "Between 5 minutes and 7 days (" + MAX_IDLE_MINUTES + " minutes)");
        }
        if (cmd.maxSessionHours() != null && (cmd.maxSessionHours() < 1 || cmd.maxSessionHours() > MAX_SESSION_HOURS)) {
            throw new ValidationFailed("maxSessionHours", "Between 1 hour and 90 days (" + MAX_SESSION_HOURS + " hours)");
        }
        if (java.util.Objects.equals(cmd.idleTimeoutMinutes(), idleTimeoutMinutes) && java.util.Objects.equals(cmd.maxSessionHours(), maxSessionHours)) return;
        apply(new SessionPolicyChanged(id, cmd.idleTimeoutMinutes(), cmd.maxSessionHours(), cmd.by()));
    }

    private Integer idleTimeoutMinutes;
    private Integer maxSessionHours;

    @EventSourcingHandler
    void on(SessionPolicyChanged e) {
        idleTimeoutMinutes = e.idleTimeoutMinutes();
        maxSessionHours = e.maxSessionHours();
    }

    private static final Pattern EMAIL_DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    // ---- workspaces ---------------------------------------------------------------------------------------

    static final int MAX_WORKSPACE_NAME = 100;
    static final int MAX_BULK = 1000;

    @CommandHandler
    void handle(CreateWorkspace cmd) {
        requireManager(cmd.by());
        if (workspaces.containsKey(cmd.workspaceId())) throw new Conflict("workspaceId", "This workspace id is already used");
        apply(new WorkspaceCreated(id, cmd.workspaceId(), workspaceName(cmd.name(), null), cmd.by()));
    }

    @CommandHandler
    void handle(RenameWorkspace cmd) {
        requireManager(cmd.by());
        Workspace w = requireWorkspace(cmd.workspaceId());
        String name = workspaceName(cmd.name(), cmd.workspaceId());
        if (name.equals(w.name())) return;
        apply(new WorkspaceRenamed(id, cmd.workspaceId(), name, cmd.by()));
    }

    @CommandHandler
    void handle(ArchiveWorkspace cmd) {
        requireManager(cmd.by());
        Workspace w = requireWorkspace(cmd.workspaceId());
        if (w.archived() == cmd.archived()) return;
        apply(cmd.archived() ? new WorkspaceArchived(id, cmd.workspaceId(), cmd.by()) : new WorkspaceRestored(id, cmd.workspaceId(), cmd.by()));
    }

    @CommandHandler
    void handle(AddWorkspaceMembers cmd) {
        Workspace w = requireWorkspace(cmd.workspaceId());
        requireWorkspaceManagerOrSource(cmd.by(), cmd.source(), cmd.workspaceId());
        if (cmd.userIds() == null || cmd.userIds().isEmpty()) throw new ValidationFailed("userIds", "Choose at least one member");
        if (cmd.userIds().size() > MAX_BULK) throw new ValidationFailed("userIds", "At most " + MAX_BULK + " members at once");
        Set<UserId> adding = new LinkedHashSet<>(cmd.userIds());
        List<UserId> strangers = adding.stream().filter(u -> !members.containsKey(u)).toList();
        if (!strangers.isEmpty()) throw new NotFound("Member", "userIds"); // all or nothing
        for (UserId user : adding) {
            if (!w.members().contains(user)) apply(new WorkspaceMemberAdded(id, cmd.workspaceId(), user, cmd.by()));
        }
    }

    @CommandHandler
    void handle(RemoveWorkspaceMember cmd) {
        Workspace w = requireWorkspace(cmd.workspaceId());
        requireWorkspaceManagerOrSource(cmd.by(), cmd.source(), cmd.workspaceId());
        if (!w.members().contains(cmd.userId())) return;
        apply(new WorkspaceMemberRemoved(id, cmd.workspaceId(), cmd.userId(), cmd.by()));
    }

    @CommandHandler
    void handle(MoveProject cmd) {
        WorkspaceId from = projectWorkspace.get(cmd.projectId());
        if (cmd.to() != null) {
            Workspace target = requireWorkspace(cmd.to());
            if (target.archived()) throw new Conflict("workspaceId", "The workspace \"" + target.name() + "\" is archived");
        }
        if (from != null) requireWorkspaceManager(cmd.by(), from);
        if (cmd.to() != null) requireWorkspaceManager(cmd.by(), cmd.to());
        if (from == null && cmd.to() == null) requireMemberManagingProjects(cmd.by());
        if (java.util.Objects.equals(from, cmd.to())) return;
        apply(new ProjectMoved(id, cmd.projectId(), from, cmd.to(), cmd.by()));
    }

    /** Names are unique in the organization, compared without case and surrounding blanks (archived ones too). */
    private String workspaceName(String raw, WorkspaceId self) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) throw new ValidationFailed("name", "Workspace name is required");
        if (name.length() > MAX_WORKSPACE_NAME) throw new ValidationFailed("name", "Workspace name is too long");
        String key = name.toLowerCase(Locale.ROOT);
        boolean taken = workspaces.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(self) && e.getValue().name().toLowerCase(Locale.ROOT).equals(key));
        if (taken) throw new Conflict("name", "A workspace named \"" + name + "\" exists already");
        return name;
    }

    private Workspace requireWorkspace(WorkspaceId workspace) {
        Workspace w = workspace == null ? null : workspaces.get(workspace);
        if (w == null) throw new NotFound("Workspace", "workspaceId");
        return w;
    }

    /**
     * An identity source (SCIM group, SAML mapping) is trusted like its ProvisionMember: it acts for the organization's
     * provider and names no person (docs/adr/0020). A person needs {@link #requireWorkspaceManager}.
     */
    private void requireWorkspaceManagerOrSource(UserId actor, IdentitySource source, WorkspaceId workspace) {
        if (source != null && actor == null) return;
        requireWorkspaceManager(actor, workspace);
    }

    /** Owners and Admins manage every workspace; a Manager those they belong to. */
    private void requireWorkspaceManager(UserId actor, WorkspaceId workspace) {
        OrganizationRole role = requireMemberManagingProjects(actor);
        if (role == MANAGER && !workspaces.get(workspace).members().contains(actor)) {
            throw new Forbidden("workspaceId", "Only members of this workspace who are Managers manage it");
        }
    }

    private OrganizationRole requireMemberManagingProjects(UserId actor) {
        Member m = members.get(actor);
        if (m == null || !m.active()) throw new NotFound("Organization", "organizationId");
        if (m.role() != OWNER && m.role() != ADMIN && m.role() != MANAGER) throw new Forbidden(null, "Only Owners, Admins and Managers manage workspaces");
        return m.role();
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
    void on(WorkspaceCreated e) { workspaces.put(e.workspaceId(), new Workspace(e.name(), false, new HashSet<>())); }

    @EventSourcingHandler
    void on(WorkspaceRenamed e) { workspaces.computeIfPresent(e.workspaceId(), (k, w) -> new Workspace(e.name(), w.archived(), w.members())); }

    @EventSourcingHandler
    void on(WorkspaceArchived e) { workspaces.computeIfPresent(e.workspaceId(), (k, w) -> new Workspace(w.name(), true, w.members())); }

    @EventSourcingHandler
    void on(WorkspaceRestored e) { workspaces.computeIfPresent(e.workspaceId(), (k, w) -> new Workspace(w.name(), false, w.members())); }

    @EventSourcingHandler
    void on(WorkspaceMemberAdded e) { workspaces.get(e.workspaceId()).members().add(e.userId()); }

    @EventSourcingHandler
    void on(WorkspaceMemberRemoved e) { workspaces.get(e.workspaceId()).members().remove(e.userId()); }

    @EventSourcingHandler
    void on(ProjectMoved e) {
        if (e.to() == null) projectWorkspace.remove(e.projectId());
        else projectWorkspace.put(e.projectId(), e.to());
    }

    @EventSourcingHandler
    void on(InvitationCreated e) {
        invitations.put(e.tokenHash(), new Invitation(e.invitationId(), e.role(), e.expiresAt(), InvitationState.OPEN));
    }

    @EventSourcingHandler
    void on(InvitationRevoked e) { mark(e.invitationId(), InvitationState.REVOKED); }

    @EventSourcingHandler
    void on(InvitationAccepted e) { mark(e.invitationId(), InvitationState.USED); }

    private void mark(InvitationId invitation, InvitationState state) {
        invitations.replaceAll((hash, i) -> i.id().equals(invitation) ? i.with(state) : i);
    }

    @EventSourcingHandler
    void on(MemberRoleChanged e) { members.computeIfPresent(e.userId(), (u, m) -> new Member(e.to(), m.active())); }

    @EventSourcingHandler
    void on(MemberDeactivated e) { members.computeIfPresent(e.userId(), (u, m) -> new Member(m.role(), false)); }

    @EventSourcingHandler
    void on(MemberReactivated e) { members.computeIfPresent(e.userId(), (u, m) -> new Member(m.role(), true)); }
}
