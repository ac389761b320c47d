-- db-scheduler's own table (the library ships no DDL). The column names and types are the library's
-- contract; BYTEA is accepted by both PostgreSQL and H2 (as an alias of VARBINARY).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority, execution_time);

-- The job dashboard: one row per job an org started. db-scheduler decides who runs a job and when;
-- this table is the truth about what the job is and how far it got.
-- attempt is a fencing token: each run increments it and only writes while it still holds it.
CREATE TABLE jobs (
    job_id      VARCHAR(36)  PRIMARY KEY,
    org_id      VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    type        VARCHAR(40)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    progress    INTEGER      NOT NULL,
    parameters  TEXT         NOT NULL,
    result      TEXT,
    error       VARCHAR(4000),
    checkpoint  TEXT,
    attempt     INTEGER      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    run_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX jobs_org_created ON jobs (org_id, created_at);
CREATE INDEX jobs_status ON jobs (status);

-- Files a job produced (CSV exports, import reports), downloadable from the back office.
CREATE TABLE job_files (
    job_id       VARCHAR(36)  NOT NULL REFERENCES jobs (job_id),
    name         VARCHAR(100) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    content      TEXT         NOT NULL,
    rows_count   INTEGER      NOT NULL,
    PRIMARY KEY (job_id, name)
);
