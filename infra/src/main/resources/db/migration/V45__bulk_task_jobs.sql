-- Issue 11 (ADR 0042): deleting tasks and bulk actions over Data Manager selections.

-- deleted tasks keep their numbers; the project's task count is the highest number less these
ALTER TABLE rm_project ADD COLUMN deleted_tasks BIGINT NOT NULL DEFAULT 0;
-- a deleted task leaves these tables by task id
CREATE INDEX IF NOT EXISTS rm_notification_task ON rm_notification (task_id);
CREATE INDEX IF NOT EXISTS rm_comment_task_all ON rm_comment (task_id);

-- Background bulk actions over a selection (ticked tasks or a Data Manager filter), run by a worker of the job queue
-- machinery (Redis Stream ll:jobs:bulk:<database>). Like export_job: progress is written as absolute values, ended jobs
-- never change, and each task's command is idempotent, so a job taken over after a crash runs again from its start.
CREATE TABLE bulk_job (
    job_id          VARCHAR(64)  PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    project_id      VARCHAR(64)  NOT NULL,
    user_id         VARCHAR(64)  NOT NULL, -- who asked: the commands are theirs
    action          VARCHAR(16)  NOT NULL, -- ASSIGN, UNASSIGN, DELETE, LABEL
    selection       JSONB        NOT NULL, -- {"taskIds": [...]} or {"filter": {...}, "excludedIds": [...]}
    parameters      JSONB        NOT NULL, -- ASSIGN/UNASSIGN: {"userIds": [...], "kind": ...}; LABEL: {"result": [...]}
    max_number      BIGINT       NOT NULL, -- the snapshot: tasks numbered up to this when the job was created
    state           VARCHAR(16)  NOT NULL, -- QUEUED, RUNNING, COMPLETED, FAILED
    total_tasks     BIGINT       NOT NULL DEFAULT 0,
    processed_tasks BIGINT       NOT NULL DEFAULT 0,
    changed_tasks   BIGINT       NOT NULL DEFAULT 0, -- tasks the action changed (the others were so already, or refused)
    refused_tasks   BIGINT       NOT NULL DEFAULT 0,
    attempts        INT          NOT NULL DEFAULT 0,
    error           TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX bulk_job_project ON bulk_job (organization_id, project_id, created_at DESC);
