-- One-time pairing codes a manager hands to a new device: stored as SHA-256, valid ten minutes, used once.
CREATE TABLE pairing_codes (
    code_hash   VARCHAR(64)  PRIMARY KEY,
    org_id      VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    property_id VARCHAR(40)  NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    name        VARCHAR(100),
    created_by  VARCHAR(60)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    device_id   VARCHAR(40)
);
CREATE INDEX pairing_codes_org ON pairing_codes (org_id);
