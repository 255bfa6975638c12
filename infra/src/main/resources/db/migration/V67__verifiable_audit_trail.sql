-- The verifiable audit trail (issue 15, ADR 0051, docs/audit-verification.md).
-- audit_chain: one link per audited event, written once by the audit-log projection and never rewritten (a rebuild
-- checks the links it finds against the event store instead). Not part of the rebuildable projection's tables.
CREATE TABLE audit_chain (
    event_id         VARCHAR(255) PRIMARY KEY,
    organization_id  VARCHAR(64)  NOT NULL,
    seq              BIGINT       NOT NULL, -- the organization's entry number, 1, 2, 3... without gaps
    global_seq       BIGINT       NOT NULL UNIQUE, -- the installation's chain over every organization
    global_index     BIGINT       NOT NULL, -- the event store's global index
    canonical        TEXT         NOT NULL, -- the hashed form, exactly
    prev_hash        CHAR(64)     NOT NULL,
    hash             CHAR(64)     NOT NULL,
    global_prev_hash CHAR(64)     NOT NULL,
    global_hash      CHAR(64)     NOT NULL,
    UNIQUE (organization_id, seq)
);
-- each chain's head ('global' or an organization id); its row lock serializes the writers of a chain
CREATE TABLE audit_chain_head (
    chain VARCHAR(64) PRIMARY KEY,
    seq   BIGINT      NOT NULL,
    hash  CHAR(64)    NOT NULL
);

-- projection "audit-log" (rebuildable): signed checkpoints as recorded from their events, and the labels of objects
CREATE TABLE audit_checkpoint (
    event_id   VARCHAR(255) PRIMARY KEY,
    chain      VARCHAR(64)  NOT NULL,
    seq        BIGINT       NOT NULL,
    head_hash  CHAR(64)     NOT NULL,
    signed_at  TIMESTAMPTZ  NOT NULL,
    message    TEXT         NOT NULL,
    signature  TEXT         NOT NULL,
    key_id     VARCHAR(64)  NOT NULL,
    public_key TEXT         NOT NULL
);
CREATE INDEX audit_checkpoint_chain ON audit_checkpoint (chain, seq DESC);

CREATE TABLE audit_object (
    organization_id VARCHAR(64)  NOT NULL,
    object_id       VARCHAR(255) NOT NULL,
    parent_id       VARCHAR(255),
    label           TEXT         NOT NULL,
    PRIMARY KEY (organization_id, object_id)
);
CREATE INDEX audit_object_parent ON audit_object (organization_id, parent_id) WHERE parent_id IS NOT NULL;

-- the readable rows: the organization's entry number, the change in words, the object's label
ALTER TABLE audit_log ADD COLUMN seq BIGINT, ADD COLUMN summary TEXT, ADD COLUMN object_label TEXT;
CREATE UNIQUE INDEX audit_log_org_seq ON audit_log (organization_id, seq DESC);
CREATE INDEX audit_log_actor ON audit_log (organization_id, actor_id, seq DESC);

-- the rows of the old chain (hashed over re-serialized jsonb, not verifiable) are replaced: the audit-log processor
-- starts again from the first event and links every event over its stored bytes
DELETE FROM audit_log;
DELETE FROM token_entry WHERE processor_name = 'audit-log';
