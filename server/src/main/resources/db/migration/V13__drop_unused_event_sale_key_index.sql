-- Nothing reads analytics_events by sale key (the order_placed de-duplication uses analytics_order_keys),
-- and every new sale paid for this index: its key is the client's random idempotency key, so each sale
-- rewrote a random leaf page of it at commit.
DROP INDEX analytics_events_sale_key;
