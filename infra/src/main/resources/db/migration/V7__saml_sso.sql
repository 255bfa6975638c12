-- SAML single sign-on per organization (ADR 0013). Configuration with secrets is plain identity state, not events:
-- the SP private key is stored encrypted (AES-GCM under a server master key that is never in the database).
CREATE TABLE sso_config (
    organization_id  VARCHAR(64)   PRIMARY KEY,
    slug             VARCHAR(64)   NOT NULL UNIQUE,
    enabled          BOOLEAN       NOT NULL,
    idp_entity_id    VARCHAR(1024) NOT NULL,
    idp_sso_url      VARCHAR(2048) NOT NULL,
    idp_certificates TEXT          NOT NULL, -- PEM, one or more (key rollover)
    idp_metadata_url VARCHAR(2048),
    default_role     VARCHAR(16)   NOT NULL,
    role_attribute   VARCHAR(256),
    role_mappings    TEXT          NOT NULL, -- JSON [{"value": "...", "role": "..."}]
    sp_certificate   TEXT          NOT NULL, -- PEM, published in the SP metadata
    sp_private_key   BYTEA         NOT NULL, -- AES-GCM(master key, PKCS#8), nonce prepended
    updated_at       TIMESTAMPTZ   NOT NULL,
    updated_by       VARCHAR(64)   NOT NULL
);

-- Which person an IdP's NameID stands for in an organization (linked at the first SSO sign-in).
CREATE TABLE saml_identity (
    organization_id VARCHAR(64)  NOT NULL,
    name_id         VARCHAR(512) NOT NULL,
    user_id         VARCHAR(64)  NOT NULL REFERENCES user_account (user_id),
    linked_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organization_id, name_id)
);

-- Refused SAML sign-ins for auditors, bounded: one row per organization, reason and hour, counting attempts; it
-- keeps the last client address and assertion/request id, no personal data from the (untrusted) response.
CREATE TABLE saml_refusal (
    organization_id VARCHAR(64)  NOT NULL,
    reason          VARCHAR(32)  NOT NULL,
    hour            TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL,
    last_at         TIMESTAMPTZ  NOT NULL,
    last_client_ip  VARCHAR(64),
    last_detail     VARCHAR(200),
    PRIMARY KEY (organization_id, reason, hour)
);
