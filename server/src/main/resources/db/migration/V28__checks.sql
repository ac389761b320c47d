-- Open checks of table service. A check is held as one JSON document (its lines, parts and payments) and changed
-- only by operations made on devices, each applied once: check_operations remembers every operation id with a
-- hash of its content, so a retry answers and a reused id with other content is refused.
CREATE TABLE checks (
    org_id      VARCHAR(40) NOT NULL,
    check_id    VARCHAR(64) NOT NULL,
    property_id VARCHAR(40) NOT NULL,
    table_id    VARCHAR(40),
    state       VARCHAR(20) NOT NULL,
    opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at   TIMESTAMP WITH TIME ZONE,
    version     BIGINT      NOT NULL,
    body        TEXT        NOT NULL,
    PRIMARY KEY (org_id, check_id)
);
CREATE INDEX checks_open ON checks (org_id, property_id, closed_at);

CREATE TABLE check_operations (
    org_id       VARCHAR(40) NOT NULL,
    operation_id VARCHAR(64) NOT NULL,
    check_id     VARCHAR(64) NOT NULL,
    type         VARCHAR(20) NOT NULL,
    request_hash VARCHAR(64) NOT NULL,
    version      BIGINT      NOT NULL,
    applied_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, operation_id)
);

-- The sales a closed check (or part) becomes, written with the operation that closed it and pushed through the
-- sale path right after its commit under idempotency_key; sale_id is set once the sale is stored. A row still
-- without a sale after a crash is pushed again (same key, same body) when the server starts.
CREATE TABLE check_sales (
    org_id          VARCHAR(40)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    check_id        VARCHAR(64)  NOT NULL,
    part_id         VARCHAR(40),
    body            TEXT         NOT NULL,
    sale_id         VARCHAR(16),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, idempotency_key)
);
CREATE INDEX check_sales_pending ON check_sales (sale_id);

-- Every change of a check, numbered per org as the kitchen's events are: the floor stream's resume cursor.
CREATE TABLE check_sequences (
    org_id   VARCHAR(40) PRIMARY KEY,
    last_seq BIGINT      NOT NULL
);

CREATE TABLE check_events (
    org_id      VARCHAR(40) NOT NULL,
    seq         BIGINT      NOT NULL,
    property_id VARCHAR(40) NOT NULL,
    check_id    VARCHAR(64) NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, seq)
);
