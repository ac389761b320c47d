-- Print jobs: each receipt, kitchen chit, report, test page or drawer kick waits here (forced to disk) until its
-- printer has taken all of its bytes. state: WAITING, SENDING (bytes going out now), PRINTED, UNSURE (the app stopped
-- while sending: a person decides whether to print it again) or CANCELLED. job_key makes queuing the same job twice
-- (a chit of one ticket at one station) a no-op. opens_drawer and staff_name record each opening of the cash drawer.
CREATE TABLE print_jobs (
    seq         BIGINT AUTO_INCREMENT    PRIMARY KEY,
    id          UUID                     NOT NULL UNIQUE,
    job_key     VARCHAR(200)             UNIQUE,
    printer_id  VARCHAR(40)              NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    title       VARCHAR(200)             NOT NULL,
    document    CLOB                     NOT NULL,
    state       VARCHAR(10)              NOT NULL,
    attempts    INT                      DEFAULT 0 NOT NULL,
    last_error  VARCHAR(500),
    opens_drawer BOOLEAN                 DEFAULT FALSE NOT NULL,
    staff_name  VARCHAR(100),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    printed_at  TIMESTAMP WITH TIME ZONE,
    moved_from  VARCHAR(40)
);
CREATE INDEX print_jobs_queue ON print_jobs (printer_id, state, seq);
CREATE INDEX print_jobs_state ON print_jobs (state, seq);
