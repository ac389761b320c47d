-- Analytics rollups, maintained in the same transaction as the sale or event batch that changes them,
-- so that the dashboards read a number of rows that depends on days x properties x channels x items,
-- never on the number of sales. Missing dimensions are stored as '' (key columns cannot be NULL).

ALTER TABLE analytics_events ADD COLUMN session_id VARCHAR(64);
CREATE INDEX analytics_events_sale_key ON analytics_events (org_id, sale_key);

-- One row per (org, business date, property, channel): the summary and the daily trend.
CREATE TABLE analytics_sales_day (
    org_id           VARCHAR(40)    NOT NULL,
    business_date    DATE           NOT NULL,
    property_id      VARCHAR(40)    NOT NULL,
    sales_channel_id VARCHAR(40)    NOT NULL,
    orders           BIGINT         NOT NULL,
    revenue          NUMERIC(19, 4) NOT NULL,
    items_total      NUMERIC(19, 4) NOT NULL,
    charges_total    NUMERIC(19, 4) NOT NULL,
    discounts_total  NUMERIC(19, 4) NOT NULL,
    refunds_total    NUMERIC(19, 4) NOT NULL,
    paid_total       NUMERIC(19, 4) NOT NULL,
    cancelled_orders BIGINT         NOT NULL,
    cancelled_amount NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (org_id, business_date, property_id, sales_channel_id)
);

-- The same per local hour of the day (0-23 in the property's time zone): the hour-of-day trend.
CREATE TABLE analytics_sales_hour (
    org_id           VARCHAR(40)    NOT NULL,
    business_date    DATE           NOT NULL,
    property_id      VARCHAR(40)    NOT NULL,
    sales_channel_id VARCHAR(40)    NOT NULL,
    hour_of_day      SMALLINT       NOT NULL,
    orders           BIGINT         NOT NULL,
    revenue          NUMERIC(19, 4) NOT NULL,
    items_total      NUMERIC(19, 4) NOT NULL,
    charges_total    NUMERIC(19, 4) NOT NULL,
    discounts_total  NUMERIC(19, 4) NOT NULL,
    refunds_total    NUMERIC(19, 4) NOT NULL,
    paid_total       NUMERIC(19, 4) NOT NULL,
    cancelled_orders BIGINT         NOT NULL,
    cancelled_amount NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (org_id, business_date, property_id, sales_channel_id, hour_of_day)
);

-- Per sold component: kind 'item' (a meal line, revenue and cost include its modifiers) or
-- 'modifier' (an option or add-on, its own price and cost). Quantities are units consumed
-- (a modifier's quantity times its parent's). Cancelled sales move to the cancelled_* columns.
CREATE TABLE analytics_items_day (
    org_id             VARCHAR(40)    NOT NULL,
    business_date      DATE           NOT NULL,
    property_id        VARCHAR(40)    NOT NULL,
    sales_channel_id   VARCHAR(40)    NOT NULL,
    kind               VARCHAR(10)    NOT NULL,
    menu_item_id       VARCHAR(40)    NOT NULL,
    caption            VARCHAR(200),
    group_caption      VARCHAR(200),
    quantity           BIGINT         NOT NULL,
    orders             BIGINT         NOT NULL,
    revenue            NUMERIC(19, 4) NOT NULL,
    discounts          NUMERIC(19, 4) NOT NULL,
    cost               NUMERIC(19, 4) NOT NULL,
    own_cost           NUMERIC(19, 4) NOT NULL,
    cancelled_quantity BIGINT         NOT NULL,
    cancelled_orders   BIGINT         NOT NULL,
    cancelled_revenue  NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (org_id, business_date, property_id, sales_channel_id, kind, menu_item_id)
);

-- Client events counted per day, type and item/option (the funnel, meal and option views).
CREATE TABLE analytics_events_day (
    org_id           VARCHAR(40) NOT NULL,
    business_date    DATE        NOT NULL,
    property_id      VARCHAR(64) NOT NULL,
    sales_channel_id VARCHAR(64) NOT NULL,
    type             VARCHAR(30) NOT NULL,
    menu_item_id     VARCHAR(64) NOT NULL,
    modifier_item_id VARCHAR(64) NOT NULL,
    events           BIGINT      NOT NULL,
    quantity         BIGINT      NOT NULL,
    PRIMARY KEY (org_id, business_date, property_id, sales_channel_id, type, menu_item_id, modifier_item_id)
);

-- Which order_placed counted for a sale key: the till's own event or the one the server records for
-- the sale, whichever came first. The primary key makes a second one for the same key impossible.
CREATE TABLE analytics_order_keys (
    org_id   VARCHAR(40)  NOT NULL,
    sale_key VARCHAR(255) NOT NULL,
    event_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (org_id, sale_key)
);
