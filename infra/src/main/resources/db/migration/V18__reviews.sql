-- Reviews (docs/adr/0021): the latest review of each live annotation, and a review state per task for the Data
-- Manager column/filter and the review queue. Written by the data-manager projection; rebuildable by replay.

-- NULL decision: pending review (never reviewed, or changed by its author since the last review).
ALTER TABLE dm_annotation
    ADD COLUMN review_decision VARCHAR(16),
    ADD COLUMN reviewer_id     VARCHAR(64),
    ADD COLUMN review_comment  TEXT,
    ADD COLUMN reviewed_at     TIMESTAMPTZ;

-- NONE: no live annotation; PENDING: one of them awaits review; REJECTED: all reviewed, one rejected;
-- ACCEPTED: all accepted. Existing annotations were never reviewed.
ALTER TABLE dm_task ADD COLUMN review_state VARCHAR(16) NOT NULL DEFAULT 'NONE';
UPDATE dm_task t SET review_state = 'PENDING' WHERE EXISTS (SELECT 1 FROM dm_annotation a WHERE a.task_id = t.task_id);

-- filter by review state (keyset on number), and the review queue (pending annotations of a task)
CREATE INDEX dm_task_by_review ON dm_task (project_id, review_state, number);
CREATE INDEX dm_annotation_pending_review ON dm_annotation (task_id, author_id) WHERE review_decision IS NULL;
