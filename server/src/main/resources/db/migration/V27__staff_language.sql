-- The language a staff member chose for the desktop (ISO 639 code); NULL: each device's own.
ALTER TABLE staff ADD COLUMN language VARCHAR(8);
