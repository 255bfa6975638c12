-- Issue 11 (ADR 0036): project settings, pauses and the label stream's reservations, in the Data Manager projection.

-- the settings as recorded by ProjectSettingsChanged (NULL: the defaults, version 0); overlap columns for the SQL below
ALTER TABLE rm_project ADD COLUMN settings JSONB;
ALTER TABLE rm_project ADD COLUMN settings_version INT NOT NULL DEFAULT 0;
ALTER TABLE rm_project ADD COLUMN overlap INT NOT NULL DEFAULT 1;
ALTER TABLE rm_project ADD COLUMN overlap_percent INT;

-- people paused in a project and why (shown to them)
CREATE TABLE rm_project_pause (
    project_id      VARCHAR(64)   NOT NULL,
    user_id         VARCHAR(64)   NOT NULL,
    organization_id VARCHAR(64)   NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    source          VARCHAR(16)   NOT NULL,
    paused_by       VARCHAR(64),
    paused_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

-- the annotations each task needs (the project's overlap, or 1 outside the overlap share), and its lowest prediction
-- score for uncertainty sampling (NULL: no scored prediction)
ALTER TABLE dm_task ADD COLUMN overlap INT NOT NULL DEFAULT 1;
ALTER TABLE dm_task ADD COLUMN prediction_score DOUBLE PRECISION;
UPDATE dm_task t SET prediction_score = (
    SELECT min((p ->> 'score')::double precision) FROM jsonb_array_elements(t.predictions) p
    WHERE jsonb_typeof(p -> 'score') = 'number')
WHERE prediction_count > 0;
CREATE INDEX dm_task_stream_uncertainty ON dm_task (project_id, prediction_score, number) WHERE NOT completed;

-- live reservations (a row per holder; released ones are deleted; expired-but-not-yet-released ones have expires_at past)
CREATE TABLE dm_reservation (
    task_id         VARCHAR(64) NOT NULL,
    user_id         VARCHAR(64) NOT NULL,
    project_id      VARCHAR(64) NOT NULL,
    organization_id VARCHAR(64) NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (task_id, user_id)
);
CREATE INDEX dm_reservation_user ON dm_reservation (project_id, user_id, expires_at);

-- the annotation limit counts a person's annotations in a project
CREATE INDEX IF NOT EXISTS dm_annotation_project_author ON dm_annotation (project_id, author_id);
