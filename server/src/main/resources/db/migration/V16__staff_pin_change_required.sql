-- A manager made by bootstrap signs in first with the printed one-time PIN and must choose their own.
ALTER TABLE staff ADD COLUMN pin_change_required BOOLEAN DEFAULT FALSE NOT NULL;
