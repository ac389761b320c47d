CREATE TABLE oauth_clients (
    client_id   VARCHAR(60)  PRIMARY KEY,
    org_id      VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    name        VARCHAR(200) NOT NULL,
    secret_hash VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE access_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    client_id  VARCHAR(60) NOT NULL REFERENCES oauth_clients (client_id),
    org_id     VARCHAR(40) NOT NULL,
    scope      VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_keys (
    key_id       VARCHAR(40)  PRIMARY KEY,
    org_id       VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    name         VARCHAR(200) NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL UNIQUE,
    key_prefix   VARCHAR(20)  NOT NULL,
    last_four    VARCHAR(4)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_keys_org ON api_keys (org_id);
