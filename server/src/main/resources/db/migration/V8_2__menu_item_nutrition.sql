-- Nutrition facts per product (productId stays the same across menu revisions). Allergens live on the
-- menu item in a revision (they are part of what a till shows); these figures are reference data.
CREATE TABLE menu_item_nutrition (
    org_id        VARCHAR(40)  NOT NULL REFERENCES orgs (org_id),
    menu_id       VARCHAR(36)  NOT NULL REFERENCES menus (menu_id),
    product_id    VARCHAR(36)  NOT NULL,
    energy_kcal   NUMERIC(10, 2),
    fat_g         NUMERIC(10, 2),
    carbs_g       NUMERIC(10, 2),
    sugar_g       NUMERIC(10, 2),
    protein_g     NUMERIC(10, 2),
    salt_g        NUMERIC(10, 2),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    job_id        VARCHAR(36),
    PRIMARY KEY (menu_id, product_id)
);
