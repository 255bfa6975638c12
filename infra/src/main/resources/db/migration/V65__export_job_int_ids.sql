-- Export jobs are Label Studio's export snapshots on its REST API and are named by integer there (ADR 0050). The jobs'
-- table is the application's own (never replayed), so the number is a column default from the installation's sequence.
ALTER TABLE export_job ADD COLUMN int_id BIGINT NOT NULL DEFAULT nextval('ll_int_id');
CREATE UNIQUE INDEX export_job_int_id ON export_job (int_id);
