-- Issue 10: the Data Manager's comment columns. projection "data-manager" keeps them (CommentCounts: recounted from
-- rm_comment on every comment event and annotation deletion, so idempotent): the live comments of the task's live
-- annotations, and how many of them are not resolved.
ALTER TABLE dm_task
    ADD COLUMN comment_count            INT NOT NULL DEFAULT 0,
    ADD COLUMN unresolved_comment_count INT NOT NULL DEFAULT 0;

UPDATE dm_task t SET comment_count = c.n, unresolved_comment_count = c.open
FROM (SELECT c.task_id, count(*) AS n, count(*) FILTER (WHERE NOT c.resolved) AS open
      FROM rm_comment c JOIN dm_annotation a ON a.annotation_id = c.annotation_id
      WHERE NOT c.deleted GROUP BY c.task_id) c
WHERE t.task_id = c.task_id;

-- sortable like the other counters: each index ends in number (keyset pagination)
CREATE INDEX dm_task_by_comments ON dm_task (project_id, comment_count, number);
CREATE INDEX dm_task_by_unresolved_comments ON dm_task (project_id, unresolved_comment_count, number);
