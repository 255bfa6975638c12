package io.labelledger.organization.directory;

import io.labelledger.organization.api.MemberJoined;
import io.labelledger.organization.api.OrganizationCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/** Organizations and their members' roles, read at sign-in to build the caller's principal. Upserts: idempotent. */
@ProcessingGroup("directory")
public class DirectoryProjection {
    private final JdbcTemplate jdbc;

    public DirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganizationCreated e, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_organization (organization_id, name, created_at) VALUES (?, ?, ?)
                ON CONFLICT (organization_id) DO UPDATE SET name = EXCLUDED.name""",
                e.organizationId().value(), e.name(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(MemberJoined e, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO rm_org_member (organization_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role""",
                e.organizationId().value(), e.userId().value(), e.role().name(), java.sql.Timestamp.from(at));
    }
}
