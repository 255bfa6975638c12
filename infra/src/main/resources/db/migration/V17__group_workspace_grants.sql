-- Workspaces granted by groups and by SAML attributes (docs/adr/0020).

-- The workspaces a SCIM group grants its members (directory projection; replaced as a whole by each
-- GroupWorkspacesChanged, guarded by rm_group.last_seq).
CREATE TABLE rm_group_workspace (
    group_id     VARCHAR(64) NOT NULL,
    workspace_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (group_id, workspace_id)
);
CREATE INDEX rm_group_workspace_ws ON rm_group_workspace (workspace_id);

-- Who granted a workspace membership: NULL = a person, else the identity source (SCIM, SAML) from the event's
-- "grant" metadata. SCIM withdraws only memberships whose grant is SCIM.
ALTER TABLE rm_workspace_member ADD COLUMN grant_source VARCHAR(16);

-- SAML: attribute = value -> workspace id; at sign-in the person is added to the mapped workspaces.
ALTER TABLE sso_config ADD COLUMN workspace_mappings TEXT NOT NULL DEFAULT '[]';
