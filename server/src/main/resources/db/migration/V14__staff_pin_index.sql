-- Sign-in finds the member by a keyed digest of (org, PIN) in one indexed look-up, so it costs the same whether
-- or not the org or the PIN exists (one PBKDF2 per member told an attacker which orgs exist). Members stored
-- before this column get their digest at their next sign-in. The key is made by the first server that needs it.
ALTER TABLE staff ADD COLUMN pin_index VARCHAR(64);
CREATE UNIQUE INDEX staff_pin_index ON staff (pin_index);
CREATE TABLE staff_pin_key (
    id        INT         PRIMARY KEY,
    key_value VARCHAR(64) NOT NULL
);
