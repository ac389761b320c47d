-- The till's own database: terminal settings, staff, the cached menu and the outbox.
CREATE TABLE settings (
    name  VARCHAR(64)   PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);

CREATE TABLE staff (
    staff_id VARCHAR(40)  PRIMARY KEY,
    name     VARCHAR(100) NOT NULL,
    role     VARCHAR(16)  NOT NULL,
    pin_salt VARCHAR(64)  NOT NULL,
    pin_hash VARCHAR(128) NOT NULL
);

CREATE TABLE menu_cache (
    sales_channel_id VARCHAR(64)              PRIMARY KEY,
    menu_id          VARCHAR(64)              NOT NULL,
    revision_id      BIGINT                   NOT NULL,
    content          CLOB                     NOT NULL,
    fetched_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per thing to send, in the order it happened. kind: SALE, CANCEL or EVENT.
-- state: PENDING, SENT, PARKED (the server said no; a manager decides) or VOIDED.
CREATE TABLE outbox (
    seq            BIGINT AUTO_INCREMENT     PRIMARY KEY,
    id             UUID                     NOT NULL UNIQUE,
    kind           VARCHAR(8)               NOT NULL,
    state          VARCHAR(8)               NOT NULL,
    payload        CLOB                     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts       INT                      DEFAULT 0 NOT NULL,
    last_error     VARCHAR(2000),
    sent_at        TIMESTAMP WITH TIME ZONE,
    sale_ref       UUID,
    server_sale_id VARCHAR(32),
    display_id     VARCHAR(16),
    total          DECIMAL(12, 2),
    staff_name     VARCHAR(100),
    cancelled      BOOLEAN                  DEFAULT FALSE NOT NULL
);
CREATE INDEX outbox_pending ON outbox (state, seq);

CREATE SEQUENCE display_number START WITH 1;
