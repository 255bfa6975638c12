-- Credentials and personal data are not events: the event store keeps only user ids, so a person can be erased here
-- while the history stays intact.
CREATE TABLE user_account (
    user_id       VARCHAR(64)  PRIMARY KEY,
    email         VARCHAR(320) NOT NULL UNIQUE, -- stored lower-case
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL,
    last_login_at TIMESTAMPTZ
);

-- Personal API tokens: only a SHA-256 of the secret is kept; the secret is shown once.
CREATE TABLE api_token (
    token_id        VARCHAR(64)  PRIMARY KEY,
    user_id         VARCHAR(64)  NOT NULL REFERENCES user_account (user_id),
    organization_id VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    token_hash      CHAR(64)     NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL,
    last_used_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX api_token_user ON api_token (user_id);
