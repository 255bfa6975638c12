-- Issue 12 (ADR 0038): saved Data Manager views ("tabs") per project: a title, the view (filter, sort, columns) as
-- JSON, private to their owner or shared with the project. Plain state written by the query side (like the
-- notification read marks, ADR 0032), not events: a view preference is no fact about the labeled data.
CREATE TABLE dm_tab (
    tab_id          VARCHAR(64)  PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    project_id      VARCHAR(64)  NOT NULL,
    owner_id        VARCHAR(64)  NOT NULL,
    title           VARCHAR(100) NOT NULL,
    shared          BOOLEAN      NOT NULL DEFAULT FALSE,
    position        INT          NOT NULL,
    view            JSONB        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL
);
CREATE INDEX dm_tab_project ON dm_tab (project_id, position, tab_id);
