-- A store's floor plan (areas and the tables a manager placed on them), kept as one document per store; and a
-- type on the floor stream's events, which now also carry a changed plan.
CREATE TABLE floor_plans (
    org_id      VARCHAR(40) NOT NULL,
    property_id VARCHAR(40) NOT NULL,
    body        TEXT        NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, property_id)
);

ALTER TABLE check_events ADD COLUMN type VARCHAR(30) DEFAULT 'check-updated' NOT NULL;
