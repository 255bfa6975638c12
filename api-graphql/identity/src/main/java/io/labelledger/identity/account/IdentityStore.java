package io.labelledger.identity.account;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Credentials and personal data (not events; see docs/adr/0004): identity's own tables only. Blocking JDBC: call from
 * boundedElastic. The caller's organization and role come from the directory projection, read through {@link Principals}.
 */
public class IdentityStore {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdentityStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An account (docs/adr/0026). {@code homeOrganizationId} null: a personal account (sign-up, invitation; password
     * sign-in; may belong to several organizations). Non-null: an identity that organization's SCIM, SAML or LDAP
     * created; it is only ever a member of, and signs in to, that organization.
     */
    public record Account(String userId, String email, String displayName, String passwordHash, boolean active, String homeOrganizationId) {
        public boolean personal() { return homeOrganizationId == null; }
    }

    private static final String ACCOUNT = "SELECT user_id, email, display_name, password_hash, active, home_organization_id FROM user_account ";

    private static Account account(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6));
    }

    /** A personal account; false when a personal account has the email already. */
    public boolean insert(String userId, String email, String displayName, String passwordHash) {
        return insertAccount(userId, email, displayName, passwordHash, null);
    }

    /** An identity bound to {@code organizationId} (SCIM, SAML or LDAP JIT); false when that organization has one with the email. */
    public boolean insertBound(String userId, String email, String displayName, String passwordHash, String organizationId) {
        return insertAccount(userId, email, displayName, passwordHash, java.util.Objects.requireNonNull(organizationId));
    }

    private boolean insertAccount(String userId, String email, String displayName, String passwordHash, String home) {
        try {
            jdbc.update("INSERT INTO user_account (user_id, email, display_name, password_hash, created_at, home_organization_id) VALUES (?, ?, ?, ?, ?, ?)",
                    userId, email, displayName, passwordHash, Timestamp.from(clock.instant()), home);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public void delete(String userId) {
        jdbc.update("DELETE FROM user_account WHERE user_id = ?", userId);
    }

    /** The personal account with this email (password sign-in, sign-up, invitations); never an organization's identity. */
    public Optional<Account> personalByEmail(String email) {
        return jdbc.query(ACCOUNT + "WHERE email = ? AND home_organization_id IS NULL", IdentityStore::account, email).stream().findFirst();
    }

    /** The identity bound to {@code organizationId} with this email (its SCIM, SAML or LDAP), if any. */
    public Optional<Account> boundByEmail(String email, String organizationId) {
        return jdbc.query(ACCOUNT + "WHERE email = ? AND home_organization_id = ?", IdentityStore::account, email, organizationId)
                   .stream().findFirst();
    }

    public Optional<Account> byId(String userId) {
        return jdbc.query(ACCOUNT + "WHERE user_id = ?", IdentityStore::account, userId).stream().findFirst();
    }

    // ---- sessions (docs/adr/0026) ---------------------------------------------------------------------------

    /** The account's session epoch: a browser session started in an older epoch is over. */
    public int sessionEpoch(String userId) {
        return jdbc.queryForList("SELECT session_epoch FROM user_account WHERE user_id = ?", Integer.class, userId).stream().findFirst().orElse(0);
    }

    /** Ends every browser session of the account; returns the new epoch (the caller's own session may adopt it). */
    public int endSessions(String userId) {
        return jdbc.queryForObject("UPDATE user_account SET session_epoch = session_epoch + 1 WHERE user_id = ? RETURNING session_epoch",
                Integer.class, userId);
    }

    /** Sets a new password hash and ends every browser session; returns the new epoch. */
    public int changePassword(String userId, String passwordHash) {
        return jdbc.queryForObject("""
                UPDATE user_account SET password_hash = ?, session_epoch = session_epoch + 1 WHERE user_id = ? RETURNING session_epoch""",
                Integer.class, passwordHash, userId);
    }

    public void loggedIn(String userId) {
        jdbc.update("UPDATE user_account SET last_login_at = ? WHERE user_id = ?", Timestamp.from(clock.instant()), userId);
    }

    // ---- API tokens ----------------------------------------------------------------------------------

    public void insertToken(String tokenId, Actor actor, String name, String hash) {
        jdbc.update("INSERT INTO api_token (token_id, user_id, organization_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                tokenId, actor.userId(), actor.organizationId(), name, hash, Timestamp.from(clock.instant()));
    }

    public List<ApiToken> tokens(Actor actor) {
        return jdbc.query("""
                SELECT token_id, name, created_at, last_used_at FROM api_token
                WHERE user_id = ? AND organization_id = ? AND revoked_at IS NULL ORDER BY created_at DESC""",
                (rs, i) -> new ApiToken(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
                actor.userId(), actor.organizationId());
    }

    public boolean revokeToken(Actor actor, String tokenId) {
        return jdbc.update("UPDATE api_token SET revoked_at = ? WHERE token_id = ? AND user_id = ? AND organization_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), tokenId, actor.userId(), actor.organizationId()) == 1;
    }

    /** Revokes every live token of a member in an organization (deactivation); returns how many. */
    public int revokeTokensOf(String userId, String organizationId) {
        return jdbc.update("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND organization_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), userId, organizationId);
    }

    /** Who a live token belongs to, and in which organization. */
    public record TokenOwner(String userId, String organizationId) {}

    /**
     * The owner of a live (unrevoked) token, recording its use, in one statement. Whether the owner may still act is
     * the directory's answer ({@link Principals}): this reads identity's own table only.
     */
    public Optional<TokenOwner> useToken(String hash) {
        return jdbc.query("UPDATE api_token SET last_used_at = ? WHERE token_hash = ? AND revoked_at IS NULL RETURNING user_id, organization_id",
                (rs, i) -> new TokenOwner(rs.getString(1), rs.getString(2)), Timestamp.from(clock.instant()), hash).stream().findFirst();
    }
}
