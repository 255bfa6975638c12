-- Projects granted by SCIM groups, with a project role (docs/adr/0023).

-- The projects a SCIM group grants its members and the project role for each (directory projection; replaced as a
-- whole by each GroupProjectsChanged, guarded by rm_group.last_seq).
CREATE TABLE rm_group_project (
    group_id   VARCHAR(64) NOT NULL,
    project_id VARCHAR(64) NOT NULL,
    role       VARCHAR(16) NOT NULL,
    PRIMARY KEY (group_id, project_id)
);
CREATE INDEX rm_group_project_project ON rm_group_project (project_id);

-- Who granted a project membership: NULL = a person, else the identity source (SCIM) from the event's "grant"
-- metadata. SCIM withdraws or re-roles only memberships whose grant is SCIM; a person changing the role takes the
-- membership over (NULL again).
ALTER TABLE rm_project_member ADD COLUMN grant_source VARCHAR(16);
