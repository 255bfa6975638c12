-- Export fidelity (issue 9, ADR 0030).
-- Export jobs remember whether CSV/TSV cells are written raw (formulas kept) instead of neutralized (the default).
ALTER TABLE export_job ADD COLUMN raw_values BOOLEAN NOT NULL DEFAULT FALSE;
