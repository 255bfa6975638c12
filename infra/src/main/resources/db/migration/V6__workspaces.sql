-- Workspaces group projects; their members see and work on the workspace's projects (docs/adr/0012).
-- All of it belongs to the "directory" projection. Rows carry the organization aggregate's sequence number of the last
-- event applied (last_seq), so a redelivered older event changes nothing.
CREATE TABLE rm_workspace (
    workspace_id    VARCHAR(64)  PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    archived        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    last_seq        BIGINT       NOT NULL
);
CREATE INDEX rm_workspace_org ON rm_workspace (organization_id, name);

CREATE TABLE rm_workspace_member (
    workspace_id    VARCHAR(64) NOT NULL,
    organization_id VARCHAR(64) NOT NULL,
    user_id         VARCHAR(64) NOT NULL,
    removed         BOOLEAN     NOT NULL DEFAULT FALSE,
    added_at        TIMESTAMPTZ NOT NULL,
    last_seq        BIGINT      NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX rm_workspace_member_user ON rm_workspace_member (user_id, organization_id);

-- Where each project is; no row (or a NULL workspace) means "in no workspace".
CREATE TABLE rm_project_workspace (
    project_id      VARCHAR(64) PRIMARY KEY,
    organization_id VARCHAR(64) NOT NULL,
    workspace_id    VARCHAR(64),
    last_seq        BIGINT      NOT NULL
);
CREATE INDEX rm_project_workspace_ws ON rm_project_workspace (workspace_id);
