-- Export snapshots built by background jobs (ADR 0018): the file is written under labelledger.export.dir and this row
-- is the job's filters, state and progress. Operational state, not a projection (the export itself is ProjectExported).
CREATE TABLE export_job (
    job_id          VARCHAR(64)  PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    project_id      VARCHAR(64)  NOT NULL,
    user_id         VARCHAR(64)  NOT NULL,
    format          VARCHAR(16)  NOT NULL,
    only_completed  BOOLEAN      NOT NULL,
    user_ids        TEXT,        -- annotations by these users only (comma-separated ids), null: everyone's
    as_of           TIMESTAMPTZ, -- tasks and annotations as they were then (from the event store), null: now
    max_number      BIGINT       NOT NULL, -- the snapshot: tasks numbered up to this when the job was created
    state           VARCHAR(16)  NOT NULL, -- QUEUED, RUNNING, COMPLETED, FAILED
    total_tasks     BIGINT       NOT NULL DEFAULT 0,
    processed_tasks BIGINT       NOT NULL DEFAULT 0,
    written_tasks   BIGINT       NOT NULL DEFAULT 0,
    file_bytes      BIGINT,
    attempts        INT          NOT NULL DEFAULT 0,
    error           TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX export_job_project ON export_job (organization_id, project_id, created_at DESC);
