-- Issue 11 (ADR 0042): manual distribution. Who is assigned each task, for annotation and for review (TaskAssigned /
-- TaskUnassigned in the Data Manager projection); the label stream of a manual project hands out only assigned tasks.
ALTER TABLE dm_task ADD COLUMN assigned_annotators TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE dm_task ADD COLUMN assigned_reviewers TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX dm_task_assigned_annotators ON dm_task USING gin (assigned_annotators);
