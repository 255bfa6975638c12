-- "Export selected" from the Data Manager (issue 12, ADR 0038): the numbers of the tasks a selection held when its
-- export job was created, so the file holds exactly those tasks. Operational state like export_job (deleted with
-- it by the sweeper's retention); the audit record is ProjectExported revision 5 (its selection).
ALTER TABLE export_job ADD COLUMN selected BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE export_job_task (
    job_id VARCHAR(64) NOT NULL,
    number BIGINT      NOT NULL,
    PRIMARY KEY (job_id, number)
);
