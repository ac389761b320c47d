-- Staff of an org and their back-office sessions (issue 7). A removed member keeps their row
-- (removed_at) so that sales and logs that name them still resolve; their sessions stop at once.
CREATE TABLE staff (
    staff_id   VARCHAR(40)  PRIMARY KEY,
    org_id     VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    name       VARCHAR(100) NOT NULL,
    role       VARCHAR(20)  NOT NULL,
    pin_salt   VARCHAR(32)  NOT NULL,
    pin_digest VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX staff_org ON staff (org_id);

CREATE TABLE staff_sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    staff_id   VARCHAR(40) NOT NULL REFERENCES staff (staff_id),
    org_id     VARCHAR(40) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
