CREATE TABLE orgs (
    org_id            VARCHAR(40)  PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    plan              VARCHAR(20)  NOT NULL,
    analytics_enabled BOOLEAN      NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE brands (
    brand_id   VARCHAR(40)  PRIMARY KEY,
    org_id     VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX brands_org ON brands (org_id);

CREATE TABLE properties (
    property_id      VARCHAR(40)  PRIMARY KEY,
    org_id           VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    name             VARCHAR(200) NOT NULL,
    address          VARCHAR(500),
    country_code     VARCHAR(2)   NOT NULL,
    time_zone        VARCHAR(60)  NOT NULL,
    currency         VARCHAR(3)   NOT NULL,
    vat_applicable   BOOLEAN      NOT NULL,
    vat_inclusive    BOOLEAN      NOT NULL,
    vat_percentage   NUMERIC(7, 4) NOT NULL,
    vat_bands        TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX properties_org ON properties (org_id);

CREATE TABLE sales_channels (
    sales_channel_id   VARCHAR(40)  PRIMARY KEY,
    org_id             VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    property_id        VARCHAR(40)  NOT NULL REFERENCES properties (property_id),
    brand_id           VARCHAR(40)  NOT NULL REFERENCES brands (brand_id),
    name               VARCHAR(200) NOT NULL,
    sales_channel_type VARCHAR(40)  NOT NULL,
    dispatch_types     VARCHAR(200) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sales_channels_property ON sales_channels (org_id, property_id);
