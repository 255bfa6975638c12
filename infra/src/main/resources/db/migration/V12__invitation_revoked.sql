-- Invitations withdrawn by an Owner or Admin (directory projection).
ALTER TABLE rm_invitation ADD COLUMN revoked_at TIMESTAMPTZ;
ALTER TABLE rm_invitation ADD COLUMN revoked_by VARCHAR(64);
