-- Storage proxy (ADR 0019): whether the server may fetch the URLs of a project's task data. Off by default.
ALTER TABLE rm_project ADD COLUMN media_proxy BOOLEAN NOT NULL DEFAULT FALSE;
