-- LDAP sign-in per organization (docs/adr/0015). Configuration, not history: who changed it is an event
-- (LdapSettingsChanged); the service account's password lives only here and is never returned by the API.
CREATE TABLE ldap_settings (
    organization_id  VARCHAR(64)  PRIMARY KEY,
    enabled          BOOLEAN      NOT NULL,
    email_domain     VARCHAR(253) NOT NULL UNIQUE, -- one directory per domain: sign-in finds the organization by it
    url              VARCHAR(500) NOT NULL,
    bind_dn          VARCHAR(500),
    bind_password    VARCHAR(500),
    user_base_dn     VARCHAR(500) NOT NULL,
    user_filter      VARCHAR(500) NOT NULL,      -- with {email}, e.g. (mail={email})
    group_base_dn    VARCHAR(500),
    default_role     VARCHAR(20),                -- null: people outside every mapped group may not sign in
    role_mappings    TEXT         NOT NULL,      -- JSON [{"group": "<dn>", "role": "ANNOTATOR"}]
    updated_by       VARCHAR(64)  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
