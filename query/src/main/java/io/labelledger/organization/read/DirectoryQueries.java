package io.labelledger.organization.read;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.labelledger.organization.api.OrganizationRole;
import io.labelledger.project.api.ProjectRole;
import io.r2dbc.spi.Readable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The directory (memberships, invitations, workspaces: the organization context's read model) as the identity services
 * read it — the principal of every request, sign-in audit, directory sign-in, invitations, SSO workspace mappings,
 * SCIM's reconciliation of groups with roles, workspaces and projects. Identity's own tables stay in the identity
 * module (docs/adr/0026, "Where the code lives"); where a principal query needs an account's columns it reads them in
 * the same statement, so that the check at every request stays one round trip.
 */
public class DirectoryQueries {
    private final DatabaseClient db;

    public DirectoryQueries(DatabaseClient db) {
        this.db = db;
    }

    /** The organizations the person is an active member of, oldest membership first. */
    public Flux<String> activeOrganizations(String userId) {
        return db.sql("SELECT organization_id FROM rm_org_member WHERE user_id = :user AND active ORDER BY joined_at")
                 .bind("user", userId).map(r -> r.get("organization_id", String.class)).all();
    }

    /** Empty when the person is no member of the organization at all, else whether the membership is active. */
    public Mono<Boolean> membershipActive(String userId, String organizationId) {
        return db.sql("SELECT active FROM rm_org_member WHERE user_id = :user AND organization_id = :org")
                 .bind("user", userId).bind("org", organizationId).map(r -> Boolean.TRUE.equals(r.get("active", Boolean.class))).one();
    }

    public record OpenInvitation(String invitationId, String organizationId, String organizationName, String role,
                                 Instant expiresAt, boolean used, boolean revoked) {}

    /** The invitation a token hash belongs to, as the directory knows it (the aggregate decides at acceptance). */
    public Mono<OpenInvitation> invitation(String tokenHash) {
        return db.sql("""
                SELECT i.invitation_id, i.organization_id, o.name, i.role, i.expires_at,
                       i.accepted_by IS NOT NULL AS used, i.revoked_at IS NOT NULL AS revoked
                FROM rm_invitation i JOIN rm_organization o ON o.organization_id = i.organization_id
                WHERE i.token_hash = :hash""")
                 .bind("hash", tokenHash)
                 .map(r -> new OpenInvitation(r.get("invitation_id", String.class), r.get("organization_id", String.class),
                         r.get("name", String.class), r.get("role", String.class), r.get("expires_at", OffsetDateTime.class).toInstant(),
                         Boolean.TRUE.equals(r.get("used", Boolean.class)), Boolean.TRUE.equals(r.get("revoked", Boolean.class))))
                 .one();
    }

    /** Which of these ids are workspaces of the organization. */
    public Mono<Set<String>> existingWorkspaces(String organizationId, Collection<String> ids) {
        if (ids.isEmpty()) return Mono.just(Set.of());
        return db.sql("SELECT workspace_id FROM rm_workspace WHERE organization_id = :org AND workspace_id = ANY(:ids)")
                 .bind("org", organizationId).bind("ids", ids.toArray(String[]::new))
                 .map(r -> r.get("workspace_id", String.class)).all().collect(HashSet::new, Set::add);
    }

    // ---- principals (every request; docs/adr/0026) -----------------------------------------------------------------

    /**
     * A person acting in one organization as the directory knows them now, with that organization's session policy
     * (null limits: the installation's default) and the account's session epoch. Only an active account with an active
     * membership is one, and an organization-bound identity only in its own organization.
     */
    public record MemberPrincipal(String userId, String organizationId, String role, String email, String displayName,
                                  Integer idleTimeoutMinutes, Integer maxSessionHours, int sessionEpoch) {}

    private static final String PRINCIPAL = """
            SELECT u.user_id, m.organization_id, m.role, u.email, u.display_name, o.session_idle_minutes, o.session_max_hours,
                   u.session_epoch
            FROM user_account u JOIN rm_org_member m ON m.user_id = u.user_id
            LEFT JOIN rm_organization o ON o.organization_id = m.organization_id
            WHERE u.active AND m.active AND (u.home_organization_id IS NULL OR u.home_organization_id = m.organization_id)
            """;

    private static MemberPrincipal principal(Readable r) {
        Integer epoch = r.get("session_epoch", Integer.class);
        return new MemberPrincipal(r.get("user_id", String.class), r.get("organization_id", String.class), r.get("role", String.class),
                r.get("email", String.class), r.get("display_name", String.class), r.get("session_idle_minutes", Integer.class),
                r.get("session_max_hours", Integer.class), epoch == null ? 0 : epoch);
    }

    /** The person as an active member of the organization (checked at every request: deactivation and role changes apply at once). */
    public Mono<MemberPrincipal> activeMember(String userId, String organizationId) {
        return db.sql(PRINCIPAL + " AND u.user_id = :user AND m.organization_id = :org")
                 .bind("user", userId).bind("org", organizationId).map(DirectoryQueries::principal).one();
    }

    /** The person in their oldest active membership (where a sign-in starts). */
    public Mono<MemberPrincipal> firstActiveMembership(String userId) {
        return db.sql(PRINCIPAL + " AND u.user_id = :user ORDER BY m.joined_at, m.organization_id LIMIT 1")
                 .bind("user", userId).map(DirectoryQueries::principal).first();
    }

    // ---- memberships, groups and their grants (SCIM's reconciliation, docs/adr/0014/0020/0023) --------------------

    /** A member's role and whether the membership is active. */
    public record Membership(OrganizationRole role, boolean active) {}

    /** Empty when the person is no member of the organization. */
    public Mono<Membership> membership(String organizationId, String userId) {
        return db.sql("SELECT role, active FROM rm_org_member WHERE organization_id = :org AND user_id = :user")
                 .bind("org", organizationId).bind("user", userId)
                 .map(r -> new Membership(OrganizationRole.valueOf(r.get("role", String.class)), Boolean.TRUE.equals(r.get("active", Boolean.class))))
                 .one();
    }

    /** The highest organization role the member's live groups grant; empty when none grants one. */
    public Mono<OrganizationRole> roleFromGroups(String organizationId, String userId) {
        return db.sql("""
                SELECT DISTINCT g.role FROM rm_group g JOIN rm_group_member gm ON gm.group_id = g.group_id
                WHERE g.organization_id = :org AND gm.user_id = :user AND NOT g.deleted AND g.role IS NOT NULL""")
                 .bind("org", organizationId).bind("user", userId)
                 .map(r -> OrganizationRole.valueOf(r.get("role", String.class))).all()
                 .reduce((a, b) -> a.compareTo(b) <= 0 ? a : b); // OrganizationRole is declared most powerful first
    }

    /** The workspaces the member's live groups grant. */
    public Mono<Set<String>> workspacesFromGroups(String organizationId, String userId) {
        return db.sql("""
                SELECT DISTINCT gw.workspace_id FROM rm_group g
                JOIN rm_group_member gm ON gm.group_id = g.group_id
                JOIN rm_group_workspace gw ON gw.group_id = g.group_id
                WHERE g.organization_id = :org AND gm.user_id = :user AND NOT g.deleted""")
                 .bind("org", organizationId).bind("user", userId)
                 .map(r -> r.get("workspace_id", String.class)).all().collect(HashSet::new, Set::add);
    }

    /** The member's workspace memberships and who granted each ("" for a person, else "SCIM" or "SAML"). */
    public Mono<Map<String, String>> workspaceMemberships(String organizationId, String userId) {
        return db.sql("SELECT workspace_id, grant_source FROM rm_workspace_member WHERE organization_id = :org AND user_id = :user AND NOT removed")
                 .bind("org", organizationId).bind("user", userId)
                 .map(r -> Map.entry(r.get("workspace_id", String.class), nullToEmpty(r.get("grant_source", String.class)))).all()
                 .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    /** Which of these ids are projects of the organization. */
    public Mono<Set<String>> existingProjects(String organizationId, Collection<String> ids) {
        if (ids.isEmpty()) return Mono.just(Set.of());
        return db.sql("SELECT project_id FROM rm_project WHERE organization_id = :org AND project_id = ANY(:ids)")
                 .bind("org", organizationId).bind("ids", ids.toArray(String[]::new))
                 .map(r -> r.get("project_id", String.class)).all().collect(HashSet::new, Set::add);
    }

    /** The projects the member's live groups grant, each with the highest project role among those groups. */
    public Mono<Map<String, ProjectRole>> projectsFromGroups(String organizationId, String userId) {
        return db.sql("""
                SELECT gp.project_id, gp.role FROM rm_group g
                JOIN rm_group_member gm ON gm.group_id = g.group_id
                JOIN rm_group_project gp ON gp.group_id = g.group_id
                WHERE g.organization_id = :org AND gm.user_id = :user AND NOT g.deleted""")
                 .bind("org", organizationId).bind("user", userId)
                 .map(r -> Map.entry(r.get("project_id", String.class), ProjectRole.valueOf(r.get("role", String.class)))).all()
                 .collect(HashMap::new, (Map<String, ProjectRole> m, Map.Entry<String, ProjectRole> e) ->
                         m.merge(e.getKey(), e.getValue(), (a, b) -> a.compareTo(b) <= 0 ? a : b)); // most powerful first
    }

    /** One project membership: its role and who granted it ("" for a person, else "SCIM"). */
    public record ProjectMembership(ProjectRole role, String grant) {}

    public Mono<Map<String, ProjectMembership>> projectMemberships(String organizationId, String userId) {
        return db.sql("SELECT project_id, role, grant_source FROM rm_project_member WHERE organization_id = :org AND user_id = :user AND NOT removed")
                 .bind("org", organizationId).bind("user", userId)
                 .map(r -> Map.entry(r.get("project_id", String.class),
                         new ProjectMembership(ProjectRole.valueOf(r.get("role", String.class)), nullToEmpty(r.get("grant_source", String.class)))))
                 .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
