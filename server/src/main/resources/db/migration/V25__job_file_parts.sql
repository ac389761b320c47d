-- A large result file (a year's canonical export of a chain is gigabytes of CSV, past what one TEXT value may
-- hold) is kept as one gzip stream cut into parts of up to 8 MB: read part by part, sent as it is to a client
-- that accepts gzip, decompressed on the way for one that does not. Files stored before keep their TEXT
-- content (parts is then NULL).
ALTER TABLE job_files ALTER COLUMN content DROP NOT NULL;
ALTER TABLE job_files ADD COLUMN parts INTEGER;
CREATE TABLE job_file_parts (
    job_id VARCHAR(36)  NOT NULL,
    name   VARCHAR(100) NOT NULL,
    part   INTEGER      NOT NULL,
    bytes  BYTEA        NOT NULL,
    PRIMARY KEY (job_id, name, part),
    FOREIGN KEY (job_id, name) REFERENCES job_files (job_id, name) ON DELETE CASCADE
);
