-- The language a staff member chose for themselves (synced from the store server); NULL: this terminal's own.
ALTER TABLE staff ADD COLUMN language VARCHAR(8);
