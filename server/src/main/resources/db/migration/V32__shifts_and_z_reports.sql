-- A till's shift at one drawer: opened with a counted float, closed with a blind count. The till names the shift
-- (shift_id is its UUID), so a shift opened offline and queued arrives once. open_device holds the device while
-- the shift is open and is NULL after: a unique column that refuses a second open shift on one device.
CREATE TABLE shifts (
    shift_id        VARCHAR(40)    PRIMARY KEY,
    org_id          VARCHAR(40)    NOT NULL REFERENCES orgs (org_id),
    property_id     VARCHAR(40)    NOT NULL REFERENCES properties (property_id),
    device_id       VARCHAR(100)   NOT NULL,
    device_name     VARCHAR(100)   NOT NULL,
    drawer          VARCHAR(40)    NOT NULL,
    open_device     VARCHAR(150)   UNIQUE,
    business_date   DATE           NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by       VARCHAR(100),
    opened_by_name  VARCHAR(200),
    opening_float   NUMERIC(19, 4) NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    closed_by       VARCHAR(100),
    closed_by_name  VARCHAR(200),
    counted_cash    NUMERIC(19, 4),
    denominations   VARCHAR(2000),
    expected_cash   NUMERIC(19, 4),
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX shifts_property_date ON shifts (property_id, business_date);

-- Cash moved by hand at a drawer: pay-ins, pay-outs (with a reason) and "no sale" opens (amount 0). The till
-- names each one (movement_id), so a queued one arrives once.
CREATE TABLE drawer_movements (
    movement_id   VARCHAR(40)    PRIMARY KEY,
    shift_id      VARCHAR(40)    NOT NULL REFERENCES shifts (shift_id),
    org_id        VARCHAR(40)    NOT NULL,
    property_id   VARCHAR(40)    NOT NULL,
    kind          VARCHAR(20)    NOT NULL,
    amount        NUMERIC(19, 4) NOT NULL,
    reason        VARCHAR(500),
    staff_id      VARCHAR(100),
    staff_name    VARCHAR(200),
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX drawer_movements_shift ON drawer_movements (shift_id);

-- Z reports: numbered consecutively per store, one per business day, never changed once taken (no UPDATE
-- statement touches this table). body is the report as it was answered.
CREATE TABLE z_reports (
    org_id        VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    property_id   VARCHAR(40)  NOT NULL REFERENCES properties (property_id),
    z_number      BIGINT       NOT NULL,
    business_date DATE         NOT NULL,
    taken_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_by      VARCHAR(200),
    body          TEXT         NOT NULL,
    PRIMARY KEY (property_id, z_number),
    UNIQUE (property_id, business_date)
);

-- What each device last said about its outbox: sales it holds that the store server has not stored yet.
CREATE TABLE device_outboxes (
    device_id     VARCHAR(100) NOT NULL,
    org_id        VARCHAR(40)  NOT NULL,
    property_id   VARCHAR(40)  NOT NULL,
    device_name   VARCHAR(100) NOT NULL,
    pending_sales INTEGER      NOT NULL,
    oldest_at     TIMESTAMP WITH TIME ZONE,
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (property_id, device_id)
);
