-- What needs a manager at a store. No row: the defaults (MoneySettings.DEFAULTS).
CREATE TABLE money_settings (
    property_id             VARCHAR(40)    PRIMARY KEY REFERENCES properties (property_id),
    org_id                  VARCHAR(40)    NOT NULL,
    discount_percent_limit  NUMERIC(7, 4),
    discount_amount_limit   NUMERIC(19, 4),
    refunds_need_manager    BOOLEAN        NOT NULL,
    voids_need_manager      BOOLEAN        NOT NULL,
    no_sale_needs_manager   BOOLEAN        NOT NULL,
    reopen_needs_manager    BOOLEAN        NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Vouchers the back office keeps: a code worth an amount, valid between two dates, for a number of uses.
CREATE TABLE vouchers (
    org_id      VARCHAR(40)    NOT NULL REFERENCES orgs (org_id),
    code        VARCHAR(40)    NOT NULL,
    property_id VARCHAR(40),
    amount      NUMERIC(19, 4) NOT NULL,
    valid_from  DATE           NOT NULL,
    valid_to    DATE           NOT NULL,
    max_uses    INTEGER,
    uses        INTEGER        NOT NULL,
    note        VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (org_id, code)
);

-- A manager's approval of one action, given with their PIN at the till or from the office; used once.
CREATE TABLE approvals (
    approval_id   VARCHAR(40)    PRIMARY KEY,
    org_id        VARCHAR(40)    NOT NULL,
    property_id   VARCHAR(40)    NOT NULL,
    action        VARCHAR(30)    NOT NULL,
    amount        NUMERIC(19, 4),
    subject       VARCHAR(100),
    reason        VARCHAR(500)   NOT NULL,
    manager_id    VARCHAR(100)   NOT NULL,
    manager_name  VARCHAR(200)   NOT NULL,
    requested_by  VARCHAR(200),
    device_id     VARCHAR(100),
    device_name   VARCHAR(100),
    approved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE,
    used_for      VARCHAR(100)
);

-- Refunds given after a sale, by line and quantity or of an amount: each is a Refund payment line of the sale.
CREATE TABLE sale_refunds (
    refund_id       VARCHAR(40)    PRIMARY KEY,
    org_id          VARCHAR(40)    NOT NULL,
    property_id     VARCHAR(40)    NOT NULL,
    sale_id         VARCHAR(16)    NOT NULL REFERENCES sales (sale_id),
    payment_line_no INTEGER        NOT NULL,
    payment_method  VARCHAR(30)    NOT NULL,
    amount          NUMERIC(19, 4) NOT NULL,
    reason          VARCHAR(500)   NOT NULL,
    staff_id        VARCHAR(100),
    staff_name      VARCHAR(200),
    device_id       VARCHAR(100),
    device_name     VARCHAR(100),
    shift_id        VARCHAR(40),
    approval_id     VARCHAR(40),
    refunded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    business_date   DATE           NOT NULL
);
CREATE INDEX sale_refunds_store_day ON sale_refunds (property_id, business_date);
CREATE INDEX sale_refunds_sale ON sale_refunds (sale_id);

CREATE TABLE sale_refund_lines (
    refund_id    VARCHAR(40)    NOT NULL REFERENCES sale_refunds (refund_id),
    item_line_no INTEGER        NOT NULL,
    quantity     INTEGER        NOT NULL,
    amount       NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (refund_id, item_line_no)
);

-- Every money-affecting action that is not a line of a sale: who, which device, when, why and how much.
-- Rows are only ever inserted.
CREATE TABLE audit_log (
    audit_id    VARCHAR(40)    PRIMARY KEY,
    org_id      VARCHAR(40)    NOT NULL,
    property_id VARCHAR(40)    NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    action      VARCHAR(30)    NOT NULL,
    staff_id    VARCHAR(100),
    staff_name  VARCHAR(200),
    device_id   VARCHAR(100),
    device_name VARCHAR(100),
    amount      NUMERIC(19, 4),
    reason      VARCHAR(500),
    subject     VARCHAR(100),
    approval_id VARCHAR(40),
    approved_by VARCHAR(200)
);
CREATE INDEX audit_log_store_time ON audit_log (property_id, at);
