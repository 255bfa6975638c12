-- IdP metadata given by URL is fetched again periodically and on request (docs/adr/0025): when it last succeeded,
-- and why the last attempt failed (NULL after a success). The last good metadata stays in the idp_* columns.
ALTER TABLE sso_config ADD COLUMN idp_metadata_refreshed_at TIMESTAMPTZ;
ALTER TABLE sso_config ADD COLUMN idp_metadata_error TEXT;
