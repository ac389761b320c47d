-- Issue 3: stock per menu item id (the id sales name; revisions keep an item's id),
-- pricing rules, and the bucket table Bucket4j's PostgreSQL proxy manager keeps rate limits in.
CREATE TABLE stock_levels (
    org_id      VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    menu_item_id VARCHAR(60) NOT NULL,
    quantity    INTEGER      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, menu_item_id)
);

CREATE TABLE pricing_rules (
    rule_id      VARCHAR(40)   PRIMARY KEY,
    org_id       VARCHAR(40)   NOT NULL REFERENCES orgs (org_id),
    name         VARCHAR(200)  NOT NULL,
    percent_off  DECIMAL(5, 2) NOT NULL,
    category_ids VARCHAR(4000) NOT NULL,
    days         VARCHAR(60)   NOT NULL,
    start_time   VARCHAR(5)    NOT NULL,
    end_time     VARCHAR(5)    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX pricing_rules_org ON pricing_rules (org_id);

CREATE TABLE rate_limit_buckets (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
