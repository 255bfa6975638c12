-- ADR 0048: the review queue narrows to the tasks assigned to the reviewer (and, with auto distribution, tasks assigned
-- to no reviewer); the annotators' assignments had their GIN index since V44, the reviewers' get theirs.
CREATE INDEX IF NOT EXISTS dm_task_assigned_reviewers ON dm_task USING gin (assigned_reviewers);
