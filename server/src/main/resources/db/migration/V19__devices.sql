-- The devices of a store (tills, kitchen screens, office PCs; printers later), each with its own credential
-- (a SHA-256 of a random token; devices without one, such as printers, leave it empty). A revoked device keeps
-- its row: sales and logs name it, and its display prefix is never given to another till of the store.
-- settings holds what the role needs (a kitchen screen's stations, a printer's address) as JSON.
CREATE TABLE devices (
    device_id      VARCHAR(40)   PRIMARY KEY,
    org_id         VARCHAR(40)   NOT NULL REFERENCES orgs (org_id),
    property_id    VARCHAR(40)   NOT NULL REFERENCES properties (property_id),
    name           VARCHAR(100)  NOT NULL,
    role           VARCHAR(20)   NOT NULL,
    display_prefix VARCHAR(4),
    token_hash     VARCHAR(64)   UNIQUE,
    settings       VARCHAR(4000),
    paired_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at   TIMESTAMP WITH TIME ZONE,
    revoked_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX devices_org ON devices (org_id);
CREATE UNIQUE INDEX devices_display_prefix ON devices (property_id, display_prefix);
