package io.labelledger.organization.directory;

import io.labelledger.identity.api.UserId;
import io.labelledger.organization.api.GroupChanged;
import io.labelledger.organization.api.GroupCreated;
import io.labelledger.organization.api.GroupDeleted;
import io.labelledger.organization.api.GroupMembersChanged;
import io.labelledger.organization.api.GroupProjectsChanged;
import io.labelledger.organization.api.GroupWorkspacesChanged;
import io.labelledger.organization.api.InvitationAccepted;
import io.labelledger.organization.api.InvitationCreated;
import io.labelledger.organization.api.InvitationRevoked;
import io.labelledger.organization.api.MemberDeactivated;
import io.labelledger.organization.api.MemberJoined;
import io.labelledger.organization.api.MemberProvisioned;
import io.labelledger.organization.api.MemberReactivated;
import io.labelledger.organization.api.MemberRoleChanged;
import io.labelledger.organization.api.OrganizationCreated;
import io.labelledger.organization.api.ProjectMoved;
import io.labelledger.organization.api.SessionPolicyChanged;
import io.labelledger.organization.api.WorkspaceArchived;
import io.labelledger.organization.api.WorkspaceCreated;
import io.labelledger.organization.api.WorkspaceMemberAdded;
import io.labelledger.organization.api.WorkspaceMemberRemoved;
import io.labelledger.organization.api.WorkspaceRenamed;
import io.labelledger.organization.api.WorkspaceRestored;
import io.labelledger.project.api.ProjectMemberAdded;
import io.labelledger.project.api.ProjectMemberRemoved;
import io.labelledger.project.api.ProjectRoleChanged;
import io.labelledger.projection.AfterCommit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static java.sql.Timestamp.from;

/**
 * Who belongs where: organizations, their members (role, active), invitations, workspaces and project members. Read at every
 * request to build the caller's principal and by the authorization policy. Idempotent: inserts upsert, and member
 * rows only move forward in their aggregate's sequence ({@code last_seq}).
 */
@ProcessingGroup("directory")
public class DirectoryProjection {
    private final JdbcTemplate jdbc;
    private final MemberAccessNotifier access;

    public DirectoryProjection(JdbcTemplate jdbc) {
        this(jdbc, MemberAccessNotifier.NONE);
    }

    public DirectoryProjection(JdbcTemplate jdbc, MemberAccessNotifier access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** After the commit (the new role or state is readable then); never during a replay. */
    private void accessChanged(String organizationId, String userId, org.axonframework.eventhandling.ReplayStatus replay) {
        if (replay.isReplay()) return;
        AfterCommit.run(() -> access.changed(organizationId, userId));
    }

    @EventHandler
    void on(OrganizationCreated e, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_organization (organization_id, name, created_at) VALUES (?, ?, ?)
                ON CONFLICT (organization_id) DO UPDATE SET name = EXCLUDED.name""",
                e.organizationId().value(), e.name(), from(at));
    }

    @EventHandler
    void on(SessionPolicyChanged e) {
        // the latest event wins; replays apply them in order, so a plain update is idempotent
        jdbc.update("UPDATE rm_organization SET session_idle_minutes = ?, session_max_hours = ? WHERE organization_id = ?",
                e.idleTimeoutMinutes(), e.maxSessionHours(), e.organizationId().value());
    }

    @EventHandler
    void on(MemberJoined e, @Timestamp Instant at, @SequenceNumber long seq) {
        jdbc.update("""
                INSERT INTO rm_org_member (organization_id, user_id, role, joined_at, active, last_seq) VALUES (?, ?, ?, ?, TRUE, ?)
                ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role, active = TRUE, last_seq = EXCLUDED.last_seq
                WHERE rm_org_member.last_seq < EXCLUDED.last_seq""",
                e.organizationId().value(), e.userId().value(), e.role().name(), from(at), seq);
    }

    @EventHandler
    void on(MemberProvisioned e, @Timestamp Instant at, @SequenceNumber long seq, org.axonframework.eventhandling.ReplayStatus replay) {
        jdbc.update("""
                INSERT INTO rm_org_member (organization_id, user_id, role, joined_at, active, last_seq) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role, active = EXCLUDED.active, last_seq = EXCLUDED.last_seq
                WHERE rm_org_member.last_seq < EXCLUDED.last_seq""",
                e.organizationId().value(), e.userId().value(), e.role().name(), from(at), e.active(), seq);
        accessChanged(e.organizationId().value(), e.userId().value(), replay); // SCIM deactivates and changes roles this way
    }

    @EventHandler
    void on(MemberRoleChanged e, @SequenceNumber long seq, org.axonframework.eventhandling.ReplayStatus replay) {
        jdbc.update("UPDATE rm_org_member SET role = ?, last_seq = ? WHERE organization_id = ? AND user_id = ? AND last_seq < ?",
                e.to().name(), seq, e.organizationId().value(), e.userId().value(), seq);
        accessChanged(e.organizationId().value(), e.userId().value(), replay);
    }

    @EventHandler
    void on(MemberDeactivated e, @SequenceNumber long seq, org.axonframework.eventhandling.ReplayStatus replay) {
        active(e.organizationId().value(), e.userId().value(), false, seq);
        accessChanged(e.organizationId().value(), e.userId().value(), replay);
    }

    @EventHandler
    void on(MemberReactivated e, @SequenceNumber long seq) {
        active(e.organizationId().value(), e.userId().value(), true, seq);
    }

    private void active(String org, String user, boolean active, long seq) {
        jdbc.update("UPDATE rm_org_member SET active = ?, last_seq = ? WHERE organization_id = ? AND user_id = ? AND last_seq < ?",
                active, seq, org, user, seq);
    }

    @EventHandler
    void on(InvitationCreated e, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_invitation (invitation_id, organization_id, token_hash, role, expires_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (invitation_id) DO NOTHING""",
                e.invitationId().value(), e.organizationId().value(), e.tokenHash(), e.role().name(), from(e.expiresAt()),
                e.by().value(), from(at));
    }

    @EventHandler
    void on(InvitationRevoked e, @Timestamp Instant at) {
        jdbc.update("UPDATE rm_invitation SET revoked_at = ?, revoked_by = ? WHERE invitation_id = ? AND revoked_at IS NULL",
                from(at), e.by().value(), e.invitationId().value());
    }

    @EventHandler
    void on(InvitationAccepted e, @Timestamp Instant at) {
        jdbc.update("UPDATE rm_invitation SET accepted_by = ?, accepted_at = ? WHERE invitation_id = ? AND accepted_by IS NULL",
                e.by().value(), from(at), e.invitationId().value());
    }

    @EventHandler
    void on(ProjectMemberAdded e, @Timestamp Instant at, @SequenceNumber long seq, @MetaDataValue("grant") String grant) {
        jdbc.update("""
                INSERT INTO rm_project_member (project_id, organization_id, user_id, role, removed, added_at, last_seq, grant_source)
                VALUES (?, ?, ?, ?, FALSE, ?, ?, ?)
                ON CONFLICT (project_id, user_id) DO UPDATE
                SET role = EXCLUDED.role, removed = FALSE, added_at = EXCLUDED.added_at, last_seq = EXCLUDED.last_seq,
                    grant_source = EXCLUDED.grant_source
                WHERE rm_project_member.last_seq < EXCLUDED.last_seq""",
                e.projectId().value(), e.organizationId().value(), e.userId().value(), e.role().name(), from(at), seq, projectGrant(grant));
    }

    /** A person changing the role takes a granted membership over (docs/adr/0023): SCIM leaves it alone from then on. */
    @EventHandler
    void on(ProjectRoleChanged e, @SequenceNumber long seq, @MetaDataValue("grant") String grant) {
        jdbc.update("UPDATE rm_project_member SET role = ?, grant_source = ?, last_seq = ? WHERE project_id = ? AND user_id = ? AND last_seq < ?",
                e.to().name(), projectGrant(grant), seq, e.projectId().value(), e.userId().value(), seq);
    }

    /** Only SCIM grants project memberships (docs/adr/0023); anything else is a person's. */
    private static String projectGrant(String grant) {
        return "SCIM".equals(grant) ? grant : null;
    }

    @EventHandler
    void on(ProjectMemberRemoved e, @SequenceNumber long seq) {
        jdbc.update("UPDATE rm_project_member SET removed = TRUE, last_seq = ? WHERE project_id = ? AND user_id = ? AND last_seq < ?",
                seq, e.projectId().value(), e.userId().value(), seq);
    }

    // ---- workspaces ---------------------------------------------------------------------------------------

    @EventHandler
    void on(WorkspaceCreated e, @Timestamp Instant at, @SequenceNumber long seq) {
        jdbc.update("""
                INSERT INTO rm_workspace (workspace_id, organization_id, name, created_by, created_at, last_seq) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id) DO NOTHING""",
                e.workspaceId().value(), e.organizationId().value(), e.name(), e.by().value(), from(at), seq);
    }

    @EventHandler
    void on(WorkspaceRenamed e, @SequenceNumber long seq) {
        jdbc.update("UPDATE rm_workspace SET name = ?, last_seq = ? WHERE workspace_id = ? AND last_seq < ?",
                e.name(), seq, e.workspaceId().value(), seq);
    }

    @EventHandler
    void on(WorkspaceArchived e, @SequenceNumber long seq) { archived(e.workspaceId().value(), true, seq); }

    @EventHandler
    void on(WorkspaceRestored e, @SequenceNumber long seq) { archived(e.workspaceId().value(), false, seq); }

    private void archived(String workspace, boolean archived, long seq) {
        jdbc.update("UPDATE rm_workspace SET archived = ?, last_seq = ? WHERE workspace_id = ? AND last_seq < ?",
                archived, seq, workspace, seq);
    }

    @EventHandler
    void on(WorkspaceMemberAdded e, @Timestamp Instant at, @SequenceNumber long seq, @MetaDataValue("grant") String grant) {
        jdbc.update("""
                INSERT INTO rm_workspace_member (workspace_id, organization_id, user_id, removed, added_at, last_seq, grant_source)
                VALUES (?, ?, ?, FALSE, ?, ?, ?)
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET removed = FALSE, added_at = EXCLUDED.added_at, last_seq = EXCLUDED.last_seq,
                    grant_source = EXCLUDED.grant_source
                WHERE rm_workspace_member.last_seq < EXCLUDED.last_seq""",
                e.workspaceId().value(), e.organizationId().value(), e.userId().value(), from(at), seq, grantSource(grant));
    }

    /** Only the identity sources we know; anything else is treated as a person's grant. */
    private static String grantSource(String grant) {
        return "SCIM".equals(grant) || "SAML".equals(grant) ? grant : null;
    }

    @EventHandler
    void on(WorkspaceMemberRemoved e, @SequenceNumber long seq) {
        jdbc.update("UPDATE rm_workspace_member SET removed = TRUE, last_seq = ? WHERE workspace_id = ? AND user_id = ? AND last_seq < ?",
                seq, e.workspaceId().value(), e.userId().value(), seq);
    }

    /** A deleted project leaves the directory: its members, workspace and group grants (ADR 0042). Idempotent. */
    @EventHandler
    void on(io.labelledger.project.api.ProjectDeleted e) {
        for (String table : List.of("rm_project_member", "rm_project_workspace", "rm_group_project")) {
            jdbc.update("DELETE FROM " + table + " WHERE project_id = ?", e.projectId().value());
        }
    }

    @EventHandler
    void on(ProjectMoved e, @SequenceNumber long seq) {
        jdbc.update("""
                INSERT INTO rm_project_workspace (project_id, organization_id, workspace_id, last_seq) VALUES (?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id, last_seq = EXCLUDED.last_seq
                WHERE rm_project_workspace.last_seq < EXCLUDED.last_seq""",
                e.projectId().value(), e.organizationId().value(), e.to() == null ? null : e.to().value(), seq);
    }

    // ---- groups: every change moves rm_group.last_seq forward first, so a redelivered event changes nothing ----

    @EventHandler
    void on(GroupCreated e, @Timestamp Instant at, @SequenceNumber long seq) {
        int inserted = jdbc.update("""
                INSERT INTO rm_group (group_id, organization_id, display_name, external_id, role, created_at, last_modified, last_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (group_id) DO NOTHING""",
                e.groupId().value(), e.organizationId().value(), e.displayName(), e.externalId(),
                e.role() == null ? null : e.role().name(), from(at), from(at), seq);
        if (inserted == 1) addMembers(e.groupId().value(), e.members());
    }

    @EventHandler
    void on(GroupChanged e, @Timestamp Instant at, @SequenceNumber long seq) {
        jdbc.update("""
                UPDATE rm_group SET display_name = ?, external_id = ?, role = ?, last_modified = ?, last_seq = ?
                WHERE group_id = ? AND last_seq < ?""",
                e.displayName(), e.externalId(), e.role() == null ? null : e.role().name(), from(at), seq, e.groupId().value(), seq);
    }

    @EventHandler
    void on(GroupMembersChanged e, @Timestamp Instant at, @SequenceNumber long seq) {
        String group = e.groupId().value();
        if (jdbc.update("UPDATE rm_group SET last_modified = ?, last_seq = ? WHERE group_id = ? AND last_seq < ?",
                from(at), seq, group, seq) == 0) return;
        addMembers(group, e.added());
        jdbc.batchUpdate("DELETE FROM rm_group_member WHERE group_id = ? AND user_id = ?",
                e.removed().stream().map(u -> new Object[]{group, u.value()}).toList());
    }

    @EventHandler
    void on(GroupDeleted e, @Timestamp Instant at, @SequenceNumber long seq) {
        if (jdbc.update("UPDATE rm_group SET deleted = TRUE, last_modified = ?, last_seq = ? WHERE group_id = ? AND last_seq < ?",
                from(at), seq, e.groupId().value(), seq) == 0) return;
        jdbc.update("DELETE FROM rm_group_member WHERE group_id = ?", e.groupId().value());
        jdbc.update("DELETE FROM rm_group_workspace WHERE group_id = ?", e.groupId().value());
        jdbc.update("DELETE FROM rm_group_project WHERE group_id = ?", e.groupId().value());
    }

    @EventHandler
    void on(GroupProjectsChanged e, @Timestamp Instant at, @SequenceNumber long seq) {
        String group = e.groupId().value();
        if (jdbc.update("UPDATE rm_group SET last_modified = ?, last_seq = ? WHERE group_id = ? AND last_seq < ?",
                from(at), seq, group, seq) == 0) return;
        jdbc.update("DELETE FROM rm_group_project WHERE group_id = ?", group);
        jdbc.batchUpdate("INSERT INTO rm_group_project (group_id, project_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                e.projects().stream().map(p -> new Object[]{group, p.projectId().value(), p.role().name()}).toList());
    }

    @EventHandler
    void on(GroupWorkspacesChanged e, @Timestamp Instant at, @SequenceNumber long seq) {
        String group = e.groupId().value();
        if (jdbc.update("UPDATE rm_group SET last_modified = ?, last_seq = ? WHERE group_id = ? AND last_seq < ?",
                from(at), seq, group, seq) == 0) return;
        jdbc.update("DELETE FROM rm_group_workspace WHERE group_id = ?", group);
        jdbc.batchUpdate("INSERT INTO rm_group_workspace (group_id, workspace_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                e.workspaces().stream().map(w -> new Object[]{group, w.value()}).toList());
    }

    private void addMembers(String group, java.util.List<UserId> users) {
        jdbc.batchUpdate("INSERT INTO rm_group_member (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                users.stream().map(u -> new Object[]{group, u.value()}).toList());
    }
}
