-- A staff session opened on a paired device ends when the device is revoked.
ALTER TABLE staff_sessions ADD COLUMN device_id VARCHAR(40);
