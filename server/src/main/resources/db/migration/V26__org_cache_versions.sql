-- Each org's cache version: moved on by every change of what the org's cached v1 answers show, and read by every
-- server node before it serves one of them (read-your-write across nodes).
CREATE TABLE org_cache_versions (
    org_id  VARCHAR(40) PRIMARY KEY,
    version BIGINT      NOT NULL
);
