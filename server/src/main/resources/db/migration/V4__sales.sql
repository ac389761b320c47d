CREATE TABLE sales (
    sale_id                    VARCHAR(16)  PRIMARY KEY,
    org_id                     VARCHAR(40)  NOT NULL,
    property_id                VARCHAR(40)  NOT NULL,
    sales_channel_id           VARCHAR(40)  NOT NULL REFERENCES sales_channels (sales_channel_id),
    source                     VARCHAR(100),
    external_id                VARCHAR(255),
    display_id                 VARCHAR(40)  NOT NULL,
    dispatch_type              VARCHAR(20)  NOT NULL,
    requested_fulfillment_time TIMESTAMP WITH TIME ZONE,
    desired_asap               BOOLEAN,
    date_time                  TIMESTAMP WITH TIME ZONE NOT NULL,
    business_date              DATE         NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    dispatch_time              TIMESTAMP WITH TIME ZONE,
    menu_id                    VARCHAR(36)  NOT NULL,
    menu_revision_id           BIGINT       NOT NULL,
    status                     VARCHAR(40)  NOT NULL,
    customer_id                VARCHAR(100),
    customer_name              VARCHAR(200),
    customer_phone             VARCHAR(40),
    customer_email             VARCHAR(200),
    customer_external_id       VARCHAR(255),
    dine_in_table              VARCHAR(40),
    dine_in_guests             INTEGER,
    delivered_by               VARCHAR(100),
    delivery_notes             VARCHAR(1000),
    delivery_country           VARCHAR(2),
    delivery_address           TEXT,
    delivery_latitude          NUMERIC(10, 7),
    delivery_longitude         NUMERIC(10, 7),
    metadata                   TEXT,
    total_items                NUMERIC(19, 4) NOT NULL,
    total_charges              NUMERIC(19, 4) NOT NULL,
    total_discounts            NUMERIC(19, 4) NOT NULL,
    total_refunds              NUMERIC(19, 4) NOT NULL,
    total_sale_amount          NUMERIC(19, 4) NOT NULL,
    total_paid_amount          NUMERIC(19, 4) NOT NULL,
    pickup_time                TIMESTAMP WITH TIME ZONE,
    delivery_time              TIMESTAMP WITH TIME ZONE,
    cancellation_reason        VARCHAR(500),
    cancellation_notes         VARCHAR(2000),
    cancelled_at               TIMESTAMP WITH TIME ZONE,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sales_channel_date ON sales (sales_channel_id, business_date);
CREATE INDEX sales_org_date ON sales (org_id, business_date);

-- Lines are flattened: a modifier's parent_line_no points at the line it modifies.
CREATE TABLE sale_items (
    sale_id        VARCHAR(16)    NOT NULL REFERENCES sales (sale_id),
    line_no        INTEGER        NOT NULL,
    parent_line_no INTEGER,
    menu_item_id   VARCHAR(36)    NOT NULL,
    quantity       INTEGER        NOT NULL,
    unit_price     NUMERIC(19, 4) NOT NULL,
    notes          VARCHAR(1000),
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE sale_charges (
    sale_id VARCHAR(16)    NOT NULL REFERENCES sales (sale_id),
    line_no INTEGER        NOT NULL,
    type    VARCHAR(20)    NOT NULL,
    amount  NUMERIC(19, 4) NOT NULL,
    item_id VARCHAR(36),
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE sale_discounts (
    sale_id VARCHAR(16)    NOT NULL REFERENCES sales (sale_id),
    line_no INTEGER        NOT NULL,
    type    VARCHAR(20)    NOT NULL,
    amount  NUMERIC(19, 4) NOT NULL,
    code    VARCHAR(100),
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE sale_payments (
    sale_id        VARCHAR(16)    NOT NULL REFERENCES sales (sale_id),
    line_no        INTEGER        NOT NULL,
    type           VARCHAR(20)    NOT NULL,
    payment_method VARCHAR(30)    NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL,
    paid_at        TIMESTAMP WITH TIME ZONE,
    description1   VARCHAR(200),
    PRIMARY KEY (sale_id, line_no)
);

-- One row per accepted create; the unique key makes a replay across nodes impossible to double.
CREATE TABLE idempotency_keys (
    org_id          VARCHAR(40)  NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    sale_id         VARCHAR(16)  NOT NULL,
    response_status INTEGER      NOT NULL,
    response_body   TEXT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, idem_key)
);
