-- A partner's reference is unique within its sales channel: a push that repeats it is the same sale (a replay),
-- whatever idempotency key it carries. Only sales pushed from now on are claimed; earlier duplicates stay as
-- they are.
CREATE TABLE sale_external_ids (
    org_id           VARCHAR(40)  NOT NULL,
    sales_channel_id VARCHAR(40)  NOT NULL,
    external_id      VARCHAR(255) NOT NULL,
    sale_id          VARCHAR(16)  NOT NULL,
    idem_key         VARCHAR(255) NOT NULL,
    PRIMARY KEY (org_id, sales_channel_id, external_id)
);
