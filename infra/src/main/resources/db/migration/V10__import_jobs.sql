-- Background import jobs (ADR 0016): the uploaded file waits on disk, the job is queued on a Redis Stream, and this
-- row is its state and progress. Operational state, not a projection: the tasks themselves are events.
CREATE TABLE import_job (
    job_id          VARCHAR(64)  PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    project_id      VARCHAR(64)  NOT NULL,
    user_id         VARCHAR(64)  NOT NULL,
    format          VARCHAR(16)  NOT NULL,
    mode            VARCHAR(16)  NOT NULL,
    state           VARCHAR(16)  NOT NULL, -- QUEUED, VALIDATING, IMPORTING, COMPLETED, FAILED
    file_name       VARCHAR(300),
    file_bytes      BIGINT       NOT NULL,
    client_ip       VARCHAR(64),
    read_count      BIGINT       NOT NULL DEFAULT 0,
    imported_count  BIGINT       NOT NULL DEFAULT 0,
    rejected_count  BIGINT       NOT NULL DEFAULT 0,
    error           TEXT,        -- why the whole file was refused (unreadable, nothing valid, ALL_OR_NOTHING)
    created_at      TIMESTAMPTZ  NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX import_job_project ON import_job (organization_id, project_id, created_at DESC);

-- The bad records of a job (capped per job), by 0-based index and, for line formats, 1-based line.
CREATE TABLE import_job_rejection (
    job_id       VARCHAR(64) NOT NULL REFERENCES import_job (job_id) ON DELETE CASCADE,
    record_index BIGINT      NOT NULL,
    line         BIGINT,
    reason       TEXT        NOT NULL,
    PRIMARY KEY (job_id, record_index)
);
