-- Export fidelity (issue 9, ADR 0030).
-- Export jobs remember whether CSV/TSV cells are written raw (formulas kept) instead of neutralized (the default).
ALTER TABLE export_job ADD COLUMN raw_values BOOLEAN NOT NULL DEFAULT FALSE;

-- Label Studio's completed_by of imported annotations whose author is not a member of the organization (no member
-- has that email): kept as the file had it (a number, an email, an object) for exports, beside the events because it
-- may be personal data (ADR 0003, 0030). Written in the import's transaction; not a projection (nothing to replay).
CREATE TABLE imported_annotation_author (
    annotation_id   VARCHAR(64) PRIMARY KEY,
    organization_id VARCHAR(64) NOT NULL,
    completed_by    JSONB       NOT NULL
);
