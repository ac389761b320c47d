-- A revision of a large menu (100,000 items is tens of megabytes of JSON) is kept as a gzip-compressed
-- snapshot of the menu's JSON: it is read with a few megabytes, streamed to clients without being parsed, and
-- a revision made from the latest one copies it inside the database. Rows written before keep their TEXT
-- content (either column is set). Name, currency and item count are kept beside it so that a publish, a list
-- or a webhook never has to open the snapshot.
ALTER TABLE menu_revisions ADD COLUMN snapshot BYTEA;
ALTER TABLE menu_revisions ADD COLUMN name VARCHAR(200);
ALTER TABLE menu_revisions ADD COLUMN currency VARCHAR(3);
ALTER TABLE menu_revisions ADD COLUMN item_count INTEGER;
ALTER TABLE menu_revisions ALTER COLUMN content DROP NOT NULL;

-- An event whose payload carries a large document by reference ('menu-revision:<menuId>:<revisionId>'): the
-- dispatcher puts the document in at the payload's "menu":null when it posts, so the outbox holds no copy.
ALTER TABLE webhook_events ADD COLUMN attachment VARCHAR(200);
