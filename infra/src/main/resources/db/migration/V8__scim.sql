-- SCIM 2.0 provisioning (docs/adr/0014).

-- Bearer tokens of SCIM clients (identity providers). Only the SHA-256 of the secret is kept; the token alone
-- decides the organization.
CREATE TABLE scim_token (
    token_id        VARCHAR(64)  PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    token_hash      CHAR(64)     NOT NULL UNIQUE,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    last_used_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX scim_token_org ON scim_token (organization_id, created_at DESC);

-- What one organization's identity provider says about a person (personal data: not in events, like user_account).
-- The account itself (email = userName) is shared by every organization the person belongs to; these attributes are
-- per organization, so one organization's provider never rewrites what another one sees.
CREATE TABLE scim_user (
    organization_id VARCHAR(64)  NOT NULL,
    user_id         VARCHAR(64)  NOT NULL REFERENCES user_account (user_id),
    user_name       VARCHAR(320) NOT NULL,
    external_id     VARCHAR(200),
    given_name      VARCHAR(200),
    family_name     VARCHAR(200),
    display_name    VARCHAR(200),
    version         BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    last_modified   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE UNIQUE INDEX scim_user_name ON scim_user (organization_id, lower(user_name));

-- Groups (directory projection, rebuilt by replay). last_seq is the group aggregate's sequence (its SCIM version).
CREATE TABLE rm_group (
    group_id        VARCHAR(64)  PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    external_id     VARCHAR(200),
    role            VARCHAR(20),
    deleted         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL,
    last_modified   TIMESTAMPTZ  NOT NULL,
    last_seq        BIGINT       NOT NULL
);
CREATE INDEX rm_group_org ON rm_group (organization_id, created_at);

CREATE TABLE rm_group_member (
    group_id VARCHAR(64) NOT NULL,
    user_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX rm_group_member_user ON rm_group_member (user_id);
