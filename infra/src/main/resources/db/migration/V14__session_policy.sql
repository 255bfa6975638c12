-- Session policy per organization (directory projection): null = the installation's default.
ALTER TABLE rm_organization ADD COLUMN session_idle_minutes INT;
ALTER TABLE rm_organization ADD COLUMN session_max_hours INT;
