-- The channel's snoozes as last read from the server (issue 4): the till greys these out, offline too.
CREATE TABLE snooze_cache (
    sales_channel_id VARCHAR(64)              PRIMARY KEY,
    content          CLOB                     NOT NULL,
    fetched_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
