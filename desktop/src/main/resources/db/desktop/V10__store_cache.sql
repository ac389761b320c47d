-- The store's settings and printers as last read from the store server: receipts print with them offline too.
CREATE TABLE store_cache (
    kind       VARCHAR(16)              PRIMARY KEY,
    content    CLOB                     NOT NULL,
    fetched_at TIMESTAMP WITH TIME ZONE NOT NULL
);
