-- Issue 9: OAuth apps owned by a developer org, App Store apps, installs and app tokens.

-- An integrator's credential pair. The secret is stored as SHA-256; after a rotation the previous digest
-- keeps working until previous_secret_expires_at (the grace period).
CREATE TABLE oauth_apps (
    client_id                  VARCHAR(60)  PRIMARY KEY,
    owner_org_id               VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    name                       VARCHAR(200) NOT NULL,
    secret_hash                VARCHAR(64)  NOT NULL,
    previous_secret_hash       VARCHAR(64),
    previous_secret_expires_at TIMESTAMP WITH TIME ZONE,
    lifecycle_subscription_id  VARCHAR(40),
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    secret_rotated_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oauth_apps_owner ON oauth_apps (owner_org_id);

-- Tokens of the client-credentials grant for an app: the org is not fixed, installs decide per request.
CREATE TABLE app_access_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    client_id  VARCHAR(60) NOT NULL REFERENCES oauth_apps (client_id) ON DELETE CASCADE,
    scope      VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX app_access_tokens_client ON app_access_tokens (client_id);

-- The App Store listing of an OAuth app (one per OAuth app).
CREATE TABLE app_store_apps (
    app_store_app_id      VARCHAR(40)   PRIMARY KEY,
    client_id             VARCHAR(60)   NOT NULL UNIQUE REFERENCES oauth_apps (client_id) ON DELETE CASCADE,
    owner_org_id          VARCHAR(40)   NOT NULL REFERENCES orgs (org_id),
    name                  VARCHAR(200)  NOT NULL,
    description           VARCHAR(4000) NOT NULL,
    developed_by          VARCHAR(200)  NOT NULL,
    logo_url              VARCHAR(2000),
    categories            VARCHAR(1000) NOT NULL,
    supported_countries   VARCHAR(1000) NOT NULL,
    permission_level_name VARCHAR(100)  NOT NULL,
    scopes                VARCHAR(500)  NOT NULL,
    store_selector_type   VARCHAR(20)   NOT NULL,
    configuration_type    VARCHAR(20)   NOT NULL,
    external_link_url     VARCHAR(2000),
    configuration_fields  TEXT,
    state                 VARCHAR(20)   NOT NULL,
    submitted_at          TIMESTAMP WITH TIME ZONE,
    approved_at           TIMESTAMP WITH TIME ZONE,
    approved_by           VARCHAR(200),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX app_store_apps_state ON app_store_apps (state);

-- One row per (app, installing org); an uninstall keeps the row (state Uninstalled) so the app's next call
-- is told 403 rather than 404, and a reinstall reuses it.
CREATE TABLE app_installs (
    client_id            VARCHAR(60)  NOT NULL REFERENCES oauth_apps (client_id) ON DELETE CASCADE,
    org_id               VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    app_store_app_id     VARCHAR(40)  NOT NULL,
    state                VARCHAR(20)  NOT NULL,
    property_ids         VARCHAR(4000),
    configuration_box    TEXT,
    installed_by         VARCHAR(200) NOT NULL,
    installed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    uninstalled_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (client_id, org_id)
);
CREATE INDEX app_installs_org ON app_installs (org_id);

-- Platform operators review submitted App Store apps.
ALTER TABLE orgs ADD COLUMN app_reviewer BOOLEAN DEFAULT FALSE NOT NULL;

-- Which app made a subscription through the Webhook Service API (removed when the app is uninstalled).
ALTER TABLE webhook_subscriptions ADD COLUMN app_client_id VARCHAR(60);
CREATE INDEX webhook_subscriptions_app ON webhook_subscriptions (app_client_id, org_id);
