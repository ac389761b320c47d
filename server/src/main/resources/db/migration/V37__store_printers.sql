-- The printers of a store: how each is reached, its paper and character table, the kitchen stations whose chits it
-- prints (comma-separated ids) and the cash drawer on its kick-out port.
CREATE TABLE store_printers (
    org_id        VARCHAR(40)  NOT NULL,
    property_id   VARCHAR(40)  NOT NULL,
    printer_id    VARCHAR(40)  NOT NULL,
    position      INT          NOT NULL,
    name          VARCHAR(40)  NOT NULL,
    connection    VARCHAR(10)  NOT NULL,
    address       VARCHAR(200) NOT NULL,
    paper_width   INT          NOT NULL,
    code_page     VARCHAR(40)  NOT NULL,
    station_ids   VARCHAR(2000) NOT NULL,
    drawer_pin    INT,
    drawer_on_ms  INT,
    drawer_off_ms INT,
    PRIMARY KEY (org_id, property_id, printer_id)
);
