-- projection "data-manager": every version of a project's labeling config (ProjectCreated is version 1, each
-- LabelingConfigChanged the next), so that an annotation is shown with the interface it was made with (ADR 0017).
CREATE TABLE rm_labeling_config (
    project_id      VARCHAR(64) NOT NULL,
    version         INT         NOT NULL,
    organization_id VARCHAR(64) NOT NULL,
    label_config    TEXT        NOT NULL,
    created_by      VARCHAR(64) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, version)
);

-- the config version an annotation's result was validated against (from the event; for events recorded before
-- versions were kept, the version current at the event's time)
ALTER TABLE dm_annotation ADD COLUMN config_version INT;

-- existing databases: the current version of each project is known; older ones come back with a rebuild of the
-- data-manager projection (rebuildProjection DATA_MANAGER), which also fills dm_annotation.config_version
INSERT INTO rm_labeling_config (project_id, version, organization_id, label_config, created_by, created_at)
SELECT project_id, label_config_version, organization_id, label_config, created_by, updated_at FROM rm_project
ON CONFLICT DO NOTHING;
