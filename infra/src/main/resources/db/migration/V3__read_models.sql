-- Read models. Each belongs to one projection (processing group) and can be dropped and rebuilt by replay.
-- last_seq columns hold the aggregate sequence number of the last event applied: a redelivered event is a no-op.

-- projection "directory"
CREATE TABLE rm_organization (
    organization_id VARCHAR(64)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE TABLE rm_org_member (
    organization_id VARCHAR(64) NOT NULL,
    user_id         VARCHAR(64) NOT NULL,
    role            VARCHAR(20) NOT NULL,
    joined_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX rm_org_member_user ON rm_org_member (user_id);

-- projection "data-manager"
CREATE TABLE rm_project (
    project_id           VARCHAR(64)  PRIMARY KEY,
    organization_id      VARCHAR(64)  NOT NULL,
    title                VARCHAR(200) NOT NULL,
    description          TEXT         NOT NULL,
    label_config         TEXT         NOT NULL,
    label_config_version INT          NOT NULL,
    created_by           VARCHAR(64)  NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    task_count           BIGINT       NOT NULL DEFAULT 0,
    completed_count      BIGINT       NOT NULL DEFAULT 0,
    annotation_count     BIGINT       NOT NULL DEFAULT 0,
    last_seq             BIGINT       NOT NULL
);
CREATE INDEX rm_project_org ON rm_project (organization_id, created_at DESC, project_id);

CREATE TABLE dm_task (
    task_id          VARCHAR(64) PRIMARY KEY,
    project_id       VARCHAR(64) NOT NULL,
    organization_id  VARCHAR(64) NOT NULL,
    number           BIGINT      NOT NULL,
    data             JSONB       NOT NULL,
    predictions      JSONB       NOT NULL,
    annotation_count INT         NOT NULL DEFAULT 0,
    skip_count       INT         NOT NULL DEFAULT 0,
    prediction_count INT         NOT NULL DEFAULT 0,
    completed        BOOLEAN     NOT NULL DEFAULT FALSE,
    annotators       TEXT[]      NOT NULL DEFAULT '{}',
    skipped_by       TEXT[]      NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    last_seq         BIGINT      NOT NULL,
    UNIQUE (project_id, number)
);
-- one index per sortable column, each ending in number so that keyset pagination is exact
CREATE INDEX dm_task_by_annotations ON dm_task (project_id, annotation_count, number);
CREATE INDEX dm_task_by_completed ON dm_task (project_id, completed, number);
CREATE INDEX dm_task_by_updated ON dm_task (project_id, updated_at, number);

CREATE TABLE dm_annotation (
    annotation_id     VARCHAR(64) PRIMARY KEY,
    task_id           VARCHAR(64) NOT NULL,
    project_id        VARCHAR(64) NOT NULL,
    organization_id   VARCHAR(64) NOT NULL,
    author_id         VARCHAR(64) NOT NULL,
    result            JSONB       NOT NULL,
    lead_time_seconds DOUBLE PRECISION,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX dm_annotation_task ON dm_annotation (task_id, created_at);

-- projection "audit-log": every event, chained per organization by SHA-256 so that tampering is evident
CREATE TABLE audit_log (
    position        BIGINT       PRIMARY KEY, -- global index in the event store
    event_id        VARCHAR(255) NOT NULL UNIQUE,
    organization_id VARCHAR(64)  NOT NULL,
    actor_id        VARCHAR(64),
    client_ip       VARCHAR(64),
    correlation_id  VARCHAR(255),
    event_type      VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(200) NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    payload         JSONB        NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (organization_id, position DESC);
CREATE INDEX audit_log_aggregate ON audit_log (organization_id, aggregate_id, position DESC);
