-- Issue 10: drafts, comments on annotations and regions, notifications (ADR 0032).

-- projection "data-manager": each person's draft on a task; a discarded draft keeps its row (result NULL) so that the
-- sequence guard makes a redelivered save a no-op
CREATE TABLE rm_draft (
    task_id           VARCHAR(64) NOT NULL,
    user_id           VARCHAR(64) NOT NULL,
    project_id        VARCHAR(64) NOT NULL,
    organization_id   VARCHAR(64) NOT NULL,
    result            JSONB,
    lead_time_seconds DOUBLE PRECISION,
    saved_at          TIMESTAMPTZ NOT NULL,
    last_seq          BIGINT      NOT NULL,
    PRIMARY KEY (task_id, user_id)
);

-- the audit log coalesces draft saves per person and task (AuditLogProjection): it looks up the latest recorded one
CREATE INDEX audit_log_draft_saves ON audit_log (aggregate_id, occurred_at DESC) WHERE event_type = 'DraftSaved';

-- projection "data-manager" (CommentProjection): comments on annotations and regions; a deleted comment keeps its row
-- (its place in the thread) without its text
CREATE TABLE rm_comment (
    comment_id      VARCHAR(64)  PRIMARY KEY,
    task_id         VARCHAR(64)  NOT NULL,
    annotation_id   VARCHAR(64)  NOT NULL,
    project_id      VARCHAR(64)  NOT NULL,
    organization_id VARCHAR(64)  NOT NULL,
    region_id       VARCHAR(200),
    parent_id       VARCHAR(64),
    thread_id       VARCHAR(64)  NOT NULL,
    author_id       VARCHAR(64)  NOT NULL,
    text            TEXT,
    resolved        BOOLEAN      NOT NULL DEFAULT FALSE,
    resolved_by     VARCHAR(64),
    resolved_at     TIMESTAMPTZ,
    deleted         BOOLEAN      NOT NULL DEFAULT FALSE,
    deleted_by      VARCHAR(64),
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    last_seq        BIGINT       NOT NULL
);
CREATE INDEX rm_comment_annotation ON rm_comment (annotation_id, created_at);
CREATE INDEX rm_comment_task ON rm_comment (task_id) WHERE NOT deleted;
CREATE INDEX rm_comment_thread ON rm_comment (thread_id);

-- projection "data-manager" (CommentProjection): in-app notifications of comments on one's annotation and replies in
-- one's thread. The id is derived from the comment and the recipient and the position is the comment event's global
-- index, so a rebuild writes the same rows.
CREATE TABLE rm_notification (
    notification_id VARCHAR(64)  PRIMARY KEY,
    position        BIGINT       NOT NULL,
    organization_id VARCHAR(64)  NOT NULL,
    recipient_id    VARCHAR(64)  NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    task_id         VARCHAR(64)  NOT NULL,
    project_id      VARCHAR(64)  NOT NULL,
    annotation_id   VARCHAR(64)  NOT NULL,
    region_id       VARCHAR(200),
    comment_id      VARCHAR(64)  NOT NULL,
    actor_id        VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rm_notification_inbox ON rm_notification (recipient_id, organization_id, position DESC);

-- what each person has read: written by the API (NotificationInbox), not by a projection, so a rebuild keeps it
-- (notification ids are stable across rebuilds); "all read" is a watermark on the position
CREATE TABLE notification_read (
    recipient_id    VARCHAR(64) NOT NULL,
    notification_id VARCHAR(64) NOT NULL,
    read_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (recipient_id, notification_id)
);
CREATE TABLE notification_read_all (
    recipient_id    VARCHAR(64) NOT NULL,
    organization_id VARCHAR(64) NOT NULL,
    up_to_position  BIGINT      NOT NULL,
    read_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (recipient_id, organization_id)
);
