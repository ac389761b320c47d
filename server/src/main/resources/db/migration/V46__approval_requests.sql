-- A till's request for a manager, answered from the office: pending until a manager approves or refuses it, the till
-- withdraws it, or it is too old. An approval given here is an ordinary row of approvals (approval_id).
CREATE TABLE approval_requests (
    request_id    VARCHAR(40)    PRIMARY KEY,
    org_id        VARCHAR(40)    NOT NULL,
    property_id   VARCHAR(40)    NOT NULL,
    action        VARCHAR(30)    NOT NULL,
    amount        NUMERIC(19, 4),
    subject       VARCHAR(100),
    reason        VARCHAR(500)   NOT NULL,
    requested_by  VARCHAR(200),
    device_id     VARCHAR(100),
    device_name   VARCHAR(100),
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE,
    manager_id    VARCHAR(100),
    manager_name  VARCHAR(200),
    answer        VARCHAR(500),
    approval_id   VARCHAR(40)
);

CREATE INDEX approval_requests_by_store ON approval_requests (property_id, status, requested_at);
