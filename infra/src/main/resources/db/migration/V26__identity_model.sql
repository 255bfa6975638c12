-- The identity model (docs/adr/0026): personal accounts and organization-bound identities, sessions that can be
-- signed out everywhere, and email-domain claims that are verified before they route sign-ins.

-- NULL: a personal account (sign-up, invitation; password sign-in; may belong to several organizations).
-- Non-NULL: an identity that organization's SCIM, SAML or LDAP created; it is only ever a member of that organization.
ALTER TABLE user_account ADD COLUMN home_organization_id VARCHAR(64);
-- Raised by "sign out everywhere" and a password change: a browser session remembers the epoch it started in.
ALTER TABLE user_account ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

-- Accounts that an identity provider created (no password of ours) and that belong to exactly one organization become
-- identities bound to it. (LDAP-created accounts carry a random password hash and cannot be told apart: they stay
-- personal, which is what they were before.)
UPDATE user_account u SET home_organization_id = m.organization_id
FROM (SELECT user_id, min(organization_id) AS organization_id FROM rm_org_member GROUP BY user_id HAVING count(*) = 1) m
WHERE m.user_id = u.user_id AND u.password_hash IN ('!scim', '!sso');

-- Email unique among personal accounts; unique per home organization among bound identities.
ALTER TABLE user_account DROP CONSTRAINT user_account_email_key;
CREATE UNIQUE INDEX user_account_personal_email ON user_account (email) WHERE home_organization_id IS NULL;
CREATE UNIQUE INDEX user_account_bound_email ON user_account (email, home_organization_id) WHERE home_organization_id IS NOT NULL;

-- An organization's claim of an email domain (for LDAP sign-in routing). It routes nothing until verified: a DNS TXT
-- record _labelledger.<domain> holding the claim's token. One organization at a time holds a verified claim.
CREATE TABLE email_domain_claim (
    organization_id VARCHAR(64)  NOT NULL,
    domain          VARCHAR(253) NOT NULL,
    token           VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    verified_at     TIMESTAMPTZ,
    verified_by     VARCHAR(64),
    PRIMARY KEY (organization_id, domain)
);
CREATE UNIQUE INDEX email_domain_claim_verified ON email_domain_claim (domain) WHERE verified_at IS NOT NULL;

-- Several organizations may configure a directory for the same domain; only the verified claim routes sign-ins.
ALTER TABLE ldap_settings DROP CONSTRAINT ldap_settings_email_domain_key;
CREATE INDEX ldap_settings_domain ON ldap_settings (email_domain);

-- SCIM tokens act with their creator's current rights: their creator is checked on every request (created_by exists).
