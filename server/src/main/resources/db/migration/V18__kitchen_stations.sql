-- Kitchen stations and tickets per fired round. A ticket is now one round: a paid sale (ticket id = sale id) or a
-- check's Send (its own id). Its lines are routed to stations by menu category when it is made; each station
-- starts and bumps its own part, and the ticket is ready once every station with something on it has bumped.

-- The stations of a store, in the order screens list them; exactly one is the catch-all.
CREATE TABLE kitchen_stations (
    org_id      VARCHAR(40)  NOT NULL,
    property_id VARCHAR(40)  NOT NULL,
    station_id  VARCHAR(40)  NOT NULL,
    name        VARCHAR(40)  NOT NULL,
    position    INT          NOT NULL,
    catch_all   BOOLEAN      NOT NULL,
    PRIMARY KEY (org_id, property_id, station_id)
);

-- Which station makes a menu category's items: one station per category and store.
CREATE TABLE kitchen_station_categories (
    org_id      VARCHAR(40)  NOT NULL,
    property_id VARCHAR(40)  NOT NULL,
    category_id VARCHAR(100) NOT NULL,
    station_id  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (org_id, property_id, category_id)
);

CREATE TABLE kitchen_tickets_v2 (
    ticket_id   VARCHAR(40) PRIMARY KEY,
    org_id      VARCHAR(40) NOT NULL,
    property_id VARCHAR(40) NOT NULL,
    sale_id     VARCHAR(16),
    check_id    VARCHAR(64),
    status      VARCHAR(20) NOT NULL,
    ordered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ready_at    TIMESTAMP WITH TIME ZONE,
    served_at   TIMESTAMP WITH TIME ZONE,
    ticket      TEXT        NOT NULL
);

-- Tickets of before: one per sale, in the sale's status; their JSON keeps the old shape (read as such).
INSERT INTO kitchen_tickets_v2 (ticket_id, org_id, property_id, sale_id, check_id, status, ordered_at, created_at,
                                ready_at, served_at, ticket)
SELECT sale_id, org_id, property_id, sale_id, NULL,
       CASE status WHEN 'SALE_CREATED' THEN 'NEW' WHEN 'SALE_IN_PREPARATION' THEN 'IN_PREPARATION'
                   WHEN 'SALE_PREPARED_BY_KITCHEN' THEN 'READY' WHEN 'SALE_CANCELLED' THEN 'VOIDED' ELSE 'SERVED' END,
       created_at, created_at, bumped_at,
       CASE WHEN status IN ('SALE_CREATED', 'SALE_IN_PREPARATION', 'SALE_PREPARED_BY_KITCHEN') THEN NULL
            ELSE created_at END,
       ticket
FROM kitchen_tickets;

-- A cancelled sale's ticket of before is already off the screens.
UPDATE kitchen_tickets_v2 SET status = 'SERVED' WHERE status = 'VOIDED';

-- Each station's part of a ticket, once it was started or bumped there.
CREATE TABLE kitchen_ticket_stations (
    ticket_id   VARCHAR(40) NOT NULL,
    station_id  VARCHAR(40) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    bumped_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (ticket_id, station_id)
);
-- Today's prep times read the bumps of the day.
CREATE INDEX kitchen_ticket_stations_bumped ON kitchen_ticket_stations (bumped_at);
-- Before, a ticket was bumped whole: its one part belongs to the catch-all, which is the default station.
INSERT INTO kitchen_ticket_stations (ticket_id, station_id, started_at, bumped_at)
SELECT ticket_id, 'kitchen', created_at, ready_at FROM kitchen_tickets_v2 WHERE status IN ('IN_PREPARATION', 'READY');

-- Marks on single lines: done at the station, voided after sending (voided_quantity of the line's quantity).
CREATE TABLE kitchen_line_marks (
    ticket_id       VARCHAR(40)  NOT NULL,
    line_id         VARCHAR(64)  NOT NULL,
    done_at         TIMESTAMP WITH TIME ZONE,
    voided_quantity INT          NOT NULL,
    void_reason     VARCHAR(200),
    voided_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (ticket_id, line_id)
);
INSERT INTO kitchen_line_marks (ticket_id, line_id, done_at, voided_quantity, void_reason, voided_at)
SELECT sale_id, CAST(line_no AS VARCHAR(64)), done_at, 0, NULL, NULL FROM kitchen_items_done;

DROP TABLE kitchen_items_done;
DROP TABLE kitchen_tickets;
ALTER TABLE kitchen_tickets_v2 RENAME TO kitchen_tickets;
CREATE INDEX kitchen_tickets_open ON kitchen_tickets (org_id, property_id, status);
CREATE UNIQUE INDEX kitchen_tickets_sale ON kitchen_tickets (sale_id);

-- A check line reaches the kitchen once: a second Send of the same line is refused whatever its operation id.
CREATE TABLE kitchen_check_lines (
    org_id    VARCHAR(40) NOT NULL,
    check_id  VARCHAR(64) NOT NULL,
    line_id   VARCHAR(64) NOT NULL,
    ticket_id VARCHAR(40) NOT NULL,
    PRIMARY KEY (org_id, check_id, line_id)
);

-- Fires and voids already applied, by the caller's operation id: a retry answers what the first one did.
CREATE TABLE kitchen_operations (
    org_id       VARCHAR(40) NOT NULL,
    operation_id VARCHAR(64) NOT NULL,
    kind         VARCHAR(10) NOT NULL,
    request_hash VARCHAR(64) NOT NULL,
    ticket_id    VARCHAR(40) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, operation_id)
);

-- Events now name a ticket, and carry whole tickets; the old event shapes are dropped (a display resuming from
-- before starts again from a snapshot, as after the retention purge).
DELETE FROM kitchen_events;
ALTER TABLE kitchen_events RENAME COLUMN sale_id TO ticket_id;
ALTER TABLE kitchen_events ALTER COLUMN ticket_id SET DATA TYPE VARCHAR(40);
