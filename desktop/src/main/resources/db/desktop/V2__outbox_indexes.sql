-- Events are batched apart from sales, and the status bar asks for the last sync time: index both.
CREATE INDEX outbox_pending_kind ON outbox (state, kind, seq);
CREATE INDEX outbox_sent_at ON outbox (sent_at);
