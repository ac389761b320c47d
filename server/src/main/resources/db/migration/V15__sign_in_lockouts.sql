-- Wrong PINs counted per staff account and per device (or caller address), apart from API quotas: five in a row
-- lock the subject for a while that grows with each lockout.
CREATE TABLE sign_in_lockouts (
    subject         VARCHAR(120) PRIMARY KEY,
    failures        INT          NOT NULL,
    lockouts        INT          NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL
);
