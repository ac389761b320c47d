-- Events the clients record. The client chooses event_id, so a batch sent again is stored once.
-- No foreign keys: the ids are what the client saw (an offline till may name a menu since replaced).
CREATE TABLE analytics_events (
    org_id           VARCHAR(40)    NOT NULL,
    event_id         VARCHAR(64)    NOT NULL,
    type             VARCHAR(30)    NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    property_id      VARCHAR(64),
    sales_channel_id VARCHAR(64),
    menu_id          VARCHAR(64),
    menu_revision_id VARCHAR(64),
    menu_item_id     VARCHAR(64),
    modifier_item_id VARCHAR(64),
    quantity         INTEGER,
    amount           NUMERIC(19, 4),
    sale_key         VARCHAR(255),
    staff_id         VARCHAR(64),
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, event_id)
);
CREATE INDEX analytics_events_org_time ON analytics_events (org_id, occurred_at);
