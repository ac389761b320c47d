-- The cached menu as the server's gzip-compressed answer ({"data": revision}): a 100,000-item menu is ~80 MB of
-- JSON and ~8 MB stored this way. Rows cached before keep their CLOB until the next revision replaces them.
ALTER TABLE menu_cache ADD COLUMN snapshot BLOB;
ALTER TABLE menu_cache ADD COLUMN currency VARCHAR(3);
ALTER TABLE menu_cache ALTER COLUMN content SET NULL;
