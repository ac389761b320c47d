CREATE TABLE menus (
    menu_id         VARCHAR(36)  PRIMARY KEY,
    org_id          VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    name            VARCHAR(200) NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    draft           TEXT,
    latest_revision BIGINT       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX menus_org ON menus (org_id);

-- A revision is immutable once written: no UPDATE statement touches this table.
CREATE TABLE menu_revisions (
    menu_id     VARCHAR(36) NOT NULL REFERENCES menus (menu_id),
    revision_id BIGINT      NOT NULL,
    org_id      VARCHAR(40) NOT NULL,
    content     TEXT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (menu_id, revision_id)
);

CREATE TABLE menu_publications (
    menu_publish_id  VARCHAR(36) PRIMARY KEY,
    org_id           VARCHAR(40) NOT NULL,
    menu_id          VARCHAR(36) NOT NULL,
    revision_id      BIGINT      NOT NULL,
    sales_channel_id VARCHAR(40) NOT NULL REFERENCES sales_channels (sales_channel_id),
    published_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (menu_id, revision_id) REFERENCES menu_revisions (menu_id, revision_id)
);
CREATE INDEX menu_publications_channel ON menu_publications (sales_channel_id, menu_id);

-- What each sales channel currently sells from.
CREATE TABLE channel_menus (
    sales_channel_id VARCHAR(40) PRIMARY KEY REFERENCES sales_channels (sales_channel_id),
    org_id           VARCHAR(40) NOT NULL,
    menu_id          VARCHAR(36) NOT NULL,
    revision_id      BIGINT      NOT NULL,
    menu_publish_id  VARCHAR(36) NOT NULL,
    published_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX channel_menus_menu ON channel_menus (menu_id);
