-- Per-project agreement settings (issue 13, ADR 0049), written by the "quality" processing group from
-- QualitySettingsChanged: the settings every later annotation event of the project is scored with. A change rescores the
-- project's tasks in the same transaction. settings_version guards a redelivery.
CREATE TABLE q_project_settings (
    project_id       text PRIMARY KEY,
    settings_version integer NOT NULL,
    settings         jsonb NOT NULL,
    changed_at       timestamptz NOT NULL
);
