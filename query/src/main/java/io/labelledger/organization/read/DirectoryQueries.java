package io.labelledger.organization.read;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The directory (memberships, invitations, workspaces: the organization context's read model) as the identity services
 * read it — sign-in audit, directory sign-in, invitations, SSO workspace mappings. Identity's own tables stay in the
 * identity module (docs/adr/0026, "Where the code lives").
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
}
