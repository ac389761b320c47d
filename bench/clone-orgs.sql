-- Copies one org's whole history (its places, menu, sales and analytics rollups) into new orgs, on PostgreSQL.
-- For the "many orgs" history: one org's sales are loaded through the import path (AnalyticsBench bulk), then
-- copied; loading 100 x 100,000 sales through the import path would take hours on a small machine, and every
-- copied row is a row the sale path stored, with its ids changed and nothing else.
--
-- Copy k (1..1023) of an id ends in characters of its own instead of the original's last ones: two Crockford
-- base-32 characters for the server's short ids (orgs, places, channels, brands), three hex digits for UUIDs (menus,
-- publications). A sale id starts with two characters of its own instead (its first two are the same for every
-- sale made in the same months, so a copy never meets an original, and a copy's sales keep their order). Ids that
-- are unique within an org only (menu items, analytics event ids, order keys made of the till's idempotency key)
-- are kept as they are. A copy whose short id happens to equal an original's fails on the primary key and leaves
-- nothing behind (each call is one transaction): run-clone-orgs.sh then goes on with the next k.
--
--   psql -d bench100x -f bench/clone-orgs.sql
--   psql -d bench100x -c "SELECT bench_clone_org('<source org id>', k)"     -- for each k
CREATE OR REPLACE FUNCTION bench_clone_code(k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', k / 32 + 1, 1)
        || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', k % 32 + 1, 1)
$$;

CREATE OR REPLACE FUNCTION bench_clone_id(id text, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN id IS NULL THEN NULL
                WHEN id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    THEN left(id, 33) || lpad(to_hex(k), 3, '0')
                ELSE left(id, length(id) - 2) || bench_clone_code(k) END
$$;

CREATE OR REPLACE FUNCTION bench_clone_sale_id(id text, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN id IS NULL THEN NULL ELSE bench_clone_code(k) || substr(id, 3) END
$$;

-- A server event id or order key of a sale ("sale:<sale id>") follows the sale; any other is kept.
CREATE OR REPLACE FUNCTION bench_clone_sale_ref(ref text, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN ref LIKE 'sale:%' THEN 'sale:' || bench_clone_sale_id(substr(ref, 6), k) ELSE ref END
$$;

-- The source org's rows of the big tables, read once: each copy reads these instead of searching tables that
-- grow by a copy each time (and have no indexes while copying, see run-clone-orgs.sh).
CREATE OR REPLACE FUNCTION bench_clone_stage(src text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DROP TABLE IF EXISTS bench_src_sales;
    CREATE TABLE bench_src_sales AS SELECT * FROM sales WHERE org_id = src;
    DROP TABLE IF EXISTS bench_src_analytics_order_keys;
    CREATE TABLE bench_src_analytics_order_keys AS SELECT * FROM analytics_order_keys WHERE org_id = src;
    DROP TABLE IF EXISTS bench_src_analytics_events;
    CREATE TABLE bench_src_analytics_events AS SELECT * FROM analytics_events WHERE org_id = src;
    DROP TABLE IF EXISTS bench_src_analytics_events_day;
    CREATE TABLE bench_src_analytics_events_day AS SELECT * FROM analytics_events_day WHERE org_id = src;
    DROP TABLE IF EXISTS bench_src_analytics_items_day;
    CREATE TABLE bench_src_analytics_items_day AS SELECT * FROM analytics_items_day WHERE org_id = src;
    DROP TABLE IF EXISTS bench_src_analytics_sales_day;
    CREATE TABLE bench_src_analytics_sales_day AS SELECT * FROM analytics_sales_day WHERE org_id = src;
    DROP TABLE IF EXISTS bench_src_analytics_sales_hour;
    CREATE TABLE bench_src_analytics_sales_hour AS SELECT * FROM analytics_sales_hour WHERE org_id = src;
    DROP TABLE IF EXISTS bench_src_sale_items;
    CREATE TABLE bench_src_sale_items AS SELECT x.* FROM sale_items x JOIN sales s ON s.sale_id = x.sale_id WHERE s.org_id = src;
    DROP TABLE IF EXISTS bench_src_sale_charges;
    CREATE TABLE bench_src_sale_charges AS SELECT x.* FROM sale_charges x JOIN sales s ON s.sale_id = x.sale_id WHERE s.org_id = src;
    DROP TABLE IF EXISTS bench_src_sale_discounts;
    CREATE TABLE bench_src_sale_discounts AS SELECT x.* FROM sale_discounts x JOIN sales s ON s.sale_id = x.sale_id WHERE s.org_id = src;
    DROP TABLE IF EXISTS bench_src_sale_payments;
    CREATE TABLE bench_src_sale_payments AS SELECT x.* FROM sale_payments x JOIN sales s ON s.sale_id = x.sale_id WHERE s.org_id = src;
    DROP TABLE IF EXISTS bench_src_sale_line_totals;
    CREATE TABLE bench_src_sale_line_totals AS SELECT x.* FROM sale_line_totals x JOIN sales s ON s.sale_id = x.sale_id WHERE s.org_id = src;
END
$$;

CREATE OR REPLACE FUNCTION bench_clone_org(src text, k int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    dst text := bench_clone_id(src, k);
BEGIN
    INSERT INTO orgs (org_id, name, plan, analytics_enabled, created_at, owner_id, plan_period_end, pending_plan,
                      app_reviewer, demo)
    SELECT dst, name || ' ' || k, plan, analytics_enabled, created_at, owner_id, plan_period_end, pending_plan,
           app_reviewer, demo
    FROM orgs WHERE org_id = src;
    INSERT INTO brands (brand_id, org_id, name, created_at)
    SELECT bench_clone_id(brand_id, k), dst, name, created_at FROM brands WHERE org_id = src;
    INSERT INTO properties (property_id, org_id, name, address, country_code, time_zone, currency, vat_applicable,
                            vat_inclusive, vat_percentage, vat_bands, created_at)
    SELECT bench_clone_id(property_id, k), dst, name, address, country_code, time_zone, currency, vat_applicable,
           vat_inclusive, vat_percentage, vat_bands, created_at
    FROM properties WHERE org_id = src;
    INSERT INTO sales_channels (sales_channel_id, org_id, property_id, brand_id, name, sales_channel_type,
                                dispatch_types, created_at)
    SELECT bench_clone_id(sales_channel_id, k), dst, bench_clone_id(property_id, k), bench_clone_id(brand_id, k),
           name, sales_channel_type, dispatch_types, created_at
    FROM sales_channels WHERE org_id = src;
    INSERT INTO menus (menu_id, org_id, name, currency, draft, latest_revision, created_at, updated_at)
    SELECT bench_clone_id(menu_id, k), dst, name, currency, draft, latest_revision, created_at, updated_at
    FROM menus WHERE org_id = src;
    INSERT INTO menu_revisions (menu_id, revision_id, org_id, content, created_at, snapshot, name, currency, item_count)
    SELECT bench_clone_id(menu_id, k), revision_id, dst, content, created_at, snapshot, name, currency, item_count
    FROM menu_revisions WHERE org_id = src;
    INSERT INTO menu_publications (menu_publish_id, org_id, menu_id, revision_id, sales_channel_id, published_at)
    SELECT bench_clone_id(menu_publish_id, k), dst, bench_clone_id(menu_id, k), revision_id,
           bench_clone_id(sales_channel_id, k), published_at
    FROM menu_publications WHERE org_id = src;
    INSERT INTO channel_menus (sales_channel_id, org_id, menu_id, revision_id, menu_publish_id, published_at)
    SELECT bench_clone_id(sales_channel_id, k), dst, bench_clone_id(menu_id, k), revision_id,
           bench_clone_id(menu_publish_id, k), published_at
    FROM channel_menus WHERE org_id = src;

    INSERT INTO sales (sale_id, org_id, property_id, sales_channel_id, source, external_id, display_id, dispatch_type,
                       requested_fulfillment_time, desired_asap, date_time, business_date, created_at, dispatch_time,
                       menu_id, menu_revision_id, status, customer_id, customer_name, customer_phone, customer_email,
                       customer_external_id, dine_in_table, dine_in_guests, delivered_by, delivery_notes,
                       delivery_country, delivery_address, delivery_latitude, delivery_longitude, metadata,
                       total_items, total_charges, total_discounts, total_refunds, total_sale_amount,
                       total_paid_amount, pickup_time, delivery_time, cancellation_reason, cancellation_notes,
                       cancelled_at, updated_at, payment_mismatch)
    SELECT bench_clone_sale_id(sale_id, k), dst, bench_clone_id(property_id, k), bench_clone_id(sales_channel_id, k),
           source, external_id, display_id, dispatch_type, requested_fulfillment_time, desired_asap, date_time,
           business_date, created_at, dispatch_time, bench_clone_id(menu_id, k), menu_revision_id, status,
           customer_id, customer_name, customer_phone, customer_email, customer_external_id, dine_in_table,
           dine_in_guests, delivered_by, delivery_notes, delivery_country, delivery_address, delivery_latitude,
           delivery_longitude, metadata, total_items, total_charges, total_discounts, total_refunds,
           total_sale_amount, total_paid_amount, pickup_time, delivery_time, cancellation_reason,
           cancellation_notes, cancelled_at, updated_at, payment_mismatch
    FROM bench_src_sales;
    INSERT INTO sale_items (sale_id, line_no, parent_line_no, menu_item_id, quantity, unit_price, notes)
    SELECT bench_clone_sale_id(i.sale_id, k), i.line_no, i.parent_line_no, i.menu_item_id, i.quantity, i.unit_price, i.notes
    FROM bench_src_sale_items i;
    INSERT INTO sale_charges (sale_id, line_no, type, amount, item_id)
    SELECT bench_clone_sale_id(x.sale_id, k), x.line_no, x.type, x.amount, x.item_id
    FROM bench_src_sale_charges x;
    INSERT INTO sale_discounts (sale_id, line_no, type, amount, code)
    SELECT bench_clone_sale_id(x.sale_id, k), x.line_no, x.type, x.amount, x.code
    FROM bench_src_sale_discounts x;
    INSERT INTO sale_payments (sale_id, line_no, type, payment_method, amount, paid_at, description1)
    SELECT bench_clone_sale_id(x.sale_id, k), x.line_no, x.type, x.payment_method, x.amount, x.paid_at, x.description1
    FROM bench_src_sale_payments x;
    INSERT INTO sale_line_totals (sale_id, items, charges, discounts, refunds, paid)
    SELECT bench_clone_sale_id(x.sale_id, k), x.items, x.charges, x.discounts, x.refunds, x.paid
    FROM bench_src_sale_line_totals x;

    INSERT INTO analytics_order_keys (sale_key, org_id, event_id)
    SELECT bench_clone_sale_ref(sale_key, k), dst, bench_clone_sale_ref(event_id, k)
    FROM bench_src_analytics_order_keys;
    INSERT INTO analytics_events (org_id, event_id, type, occurred_at, property_id, sales_channel_id, menu_id,
                                  menu_revision_id, menu_item_id, modifier_item_id, quantity, amount, sale_key,
                                  staff_id, received_at, session_id)
    SELECT dst, bench_clone_sale_ref(event_id, k), type, occurred_at, bench_clone_id(property_id, k),
           bench_clone_id(sales_channel_id, k), bench_clone_id(menu_id, k), menu_revision_id, menu_item_id,
           modifier_item_id, quantity, amount, bench_clone_sale_ref(sale_key, k), staff_id, received_at, session_id
    FROM bench_src_analytics_events;
    INSERT INTO analytics_events_day (org_id, business_date, property_id, sales_channel_id, type, menu_item_id,
                                      modifier_item_id, events, quantity)
    SELECT dst, business_date, bench_clone_id(property_id, k), bench_clone_id(sales_channel_id, k), type,
           menu_item_id, modifier_item_id, events, quantity
    FROM bench_src_analytics_events_day;
    INSERT INTO analytics_items_day (org_id, business_date, property_id, sales_channel_id, kind, menu_item_id, caption,
                                     group_caption, quantity, orders, revenue, discounts, cost, own_cost,
                                     cancelled_quantity, cancelled_orders, cancelled_revenue)
    SELECT dst, business_date, bench_clone_id(property_id, k), bench_clone_id(sales_channel_id, k), kind,
           menu_item_id, caption, group_caption, quantity, orders, revenue, discounts, cost, own_cost,
           cancelled_quantity, cancelled_orders, cancelled_revenue
    FROM bench_src_analytics_items_day;
    INSERT INTO analytics_sales_day (org_id, business_date, property_id, sales_channel_id, orders, revenue,
                                     items_total, charges_total, discounts_total, refunds_total, paid_total,
                                     cancelled_orders, cancelled_amount)
    SELECT dst, business_date, bench_clone_id(property_id, k), bench_clone_id(sales_channel_id, k), orders, revenue,
           items_total, charges_total, discounts_total, refunds_total, paid_total, cancelled_orders, cancelled_amount
    FROM bench_src_analytics_sales_day;
    INSERT INTO analytics_sales_hour (org_id, business_date, property_id, sales_channel_id, hour_of_day, orders,
                                      revenue, items_total, charges_total, discounts_total, refunds_total, paid_total,
                                      cancelled_orders, cancelled_amount)
    SELECT dst, business_date, bench_clone_id(property_id, k), bench_clone_id(sales_channel_id, k), hour_of_day,
           orders, revenue, items_total, charges_total, discounts_total, refunds_total, paid_total, cancelled_orders,
           cancelled_amount
    FROM bench_src_analytics_sales_hour;
    INSERT INTO org_cache_versions (org_id, version)
    SELECT dst, version FROM org_cache_versions WHERE org_id = src;
    RETURN dst;
END
$$;
