-- Ground truth (ADR 0022): at most one live annotation of a task is its ground truth (GroundTruthChanged events).
-- dm_annotation.ground_truth marks it; dm_task.ground_truth says the task has one (Data Manager column and sort, the
-- export's onlyGroundTruth filter). No event marked ground truth before this version: nothing to backfill, and a
-- rebuild of the DATA_MANAGER projection fills both.
ALTER TABLE dm_annotation ADD COLUMN ground_truth BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE dm_task ADD COLUMN ground_truth BOOLEAN NOT NULL DEFAULT FALSE;
-- a sortable column: its index ends in number like the others (keyset pagination)
CREATE INDEX dm_task_by_ground_truth ON dm_task (project_id, ground_truth, number);

-- the export job's filter: only ground-truth annotations, only tasks that have one (at as_of when set)
ALTER TABLE export_job ADD COLUMN only_ground_truth BOOLEAN NOT NULL DEFAULT FALSE;
