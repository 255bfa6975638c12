-- Organization membership beyond sign-up (invitations, role changes, deactivation) and project members.
-- All of it belongs to the "directory" projection and is rebuilt by replay. last_seq holds the aggregate sequence
-- number of the last event applied to the row: a redelivered older event is a no-op.
ALTER TABLE rm_org_member ADD COLUMN active   BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE rm_org_member ADD COLUMN last_seq BIGINT  NOT NULL DEFAULT -1;

-- Invitations: only the SHA-256 of the secret link token is known (the link is shown once to the inviter).
CREATE TABLE rm_invitation (
    invitation_id   VARCHAR(64) PRIMARY KEY,
    organization_id VARCHAR(64) NOT NULL,
    token_hash      CHAR(64)    NOT NULL UNIQUE,
    role            VARCHAR(20) NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    created_by      VARCHAR(64) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    accepted_by     VARCHAR(64),
    accepted_at     TIMESTAMPTZ
);
CREATE INDEX rm_invitation_org ON rm_invitation (organization_id, created_at DESC);

-- Project members with their project role; removed members keep a row (removed = true) so that the sequence guard
-- still holds against a redelivered "added".
CREATE TABLE rm_project_member (
    project_id      VARCHAR(64) NOT NULL,
    organization_id VARCHAR(64) NOT NULL,
    user_id         VARCHAR(64) NOT NULL,
    role            VARCHAR(20) NOT NULL,
    removed         BOOLEAN     NOT NULL DEFAULT FALSE,
    added_at        TIMESTAMPTZ NOT NULL,
    last_seq        BIGINT      NOT NULL,
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX rm_project_member_user ON rm_project_member (user_id, organization_id);
