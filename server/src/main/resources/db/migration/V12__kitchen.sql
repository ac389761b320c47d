-- Kitchen display (issue 7). Tickets are written by a SaleObserver inside the sale's own transaction, and
-- every change is appended to kitchen_events under a per-org sequence number: the SSE cursor.
-- kitchen_sequences holds an org's last number; taking the next one locks that row until commit, so an
-- org's events commit in number order and a reader that sees number n has already seen every number below.
CREATE TABLE kitchen_sequences (
    org_id   VARCHAR(40) PRIMARY KEY,
    last_seq BIGINT      NOT NULL
);

CREATE TABLE kitchen_events (
    org_id      VARCHAR(40) NOT NULL,
    seq         BIGINT      NOT NULL,
    property_id VARCHAR(40) NOT NULL,
    sale_id     VARCHAR(16) NOT NULL,
    type        VARCHAR(30) NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, seq)
);

-- One row per sale: its kitchen state (the sale's status, when it was bumped) and the ticket as created.
CREATE TABLE kitchen_tickets (
    sale_id     VARCHAR(16) PRIMARY KEY,
    org_id      VARCHAR(40) NOT NULL,
    property_id VARCHAR(40) NOT NULL,
    status      VARCHAR(40) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    bumped_at   TIMESTAMP WITH TIME ZONE,
    ticket      TEXT        NOT NULL
);
CREATE INDEX kitchen_tickets_property ON kitchen_tickets (org_id, property_id, status);

-- Single items a cook marked done (line numbers count the sale's top-level items from 1).
CREATE TABLE kitchen_items_done (
    sale_id VARCHAR(16) NOT NULL,
    line_no INT         NOT NULL,
    done_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sale_id, line_no)
);
