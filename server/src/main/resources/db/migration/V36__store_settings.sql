-- What a store prints on its receipts and how its devices write money and dates: one row per store, once a manager
-- saved them (until then they are read from the property).
CREATE TABLE store_settings (
    org_id          VARCHAR(40)  NOT NULL,
    property_id     VARCHAR(40)  NOT NULL,
    restaurant_name VARCHAR(80)  NOT NULL,
    address         VARCHAR(300),
    tax_number      VARCHAR(40),
    phone           VARCHAR(40),
    currency        VARCHAR(3)   NOT NULL,
    locale          VARCHAR(35)  NOT NULL,
    receipt_header  VARCHAR(500),
    receipt_footer  VARCHAR(500),
    logo_png        TEXT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, property_id)
);
