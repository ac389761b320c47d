-- What each sale's lines add up to (items with their modifiers, charges, discounts, payments and refunds),
-- written with the lines. The reconciliation compares a sale's header with this row instead of reading and
-- re-adding every line of its range (12 s for one day of 27,000 sales at 3.6 million on PostgreSQL). A refund
-- given later adds to refunds here as it adds its payment line.
CREATE TABLE sale_line_totals (
    sale_id   VARCHAR(16)    PRIMARY KEY REFERENCES sales (sale_id),
    items     NUMERIC(19, 4) NOT NULL,
    charges   NUMERIC(19, 4) NOT NULL,
    discounts NUMERIC(19, 4) NOT NULL,
    refunds   NUMERIC(19, 4) NOT NULL,
    paid      NUMERIC(19, 4) NOT NULL
);

-- backfill: the sales stored before, added up from their stored lines as the reconciliation did. An item line's
-- share of the items total is its unit price times its quantity and the quantities of every line above it.
INSERT INTO sale_line_totals (sale_id, items, charges, discounts, refunds, paid)
WITH RECURSIVE line_factors (sale_id, line_no, factor, unit_price) AS (
    SELECT sale_id, line_no, CAST(quantity AS BIGINT), unit_price FROM sale_items WHERE parent_line_no IS NULL
    UNION ALL
    SELECT c.sale_id, c.line_no, f.factor * c.quantity, c.unit_price
    FROM sale_items c JOIN line_factors f ON c.sale_id = f.sale_id AND c.parent_line_no = f.line_no
)
SELECT s.sale_id, COALESCE(i.total, 0), COALESCE(ch.total, 0), COALESCE(d.total, 0), COALESCE(p.refunds, 0),
       COALESCE(p.paid, 0)
FROM sales s
LEFT JOIN (SELECT sale_id, SUM(unit_price * factor) AS total FROM line_factors GROUP BY sale_id) i
    ON i.sale_id = s.sale_id
LEFT JOIN (SELECT sale_id, SUM(amount) AS total FROM sale_charges GROUP BY sale_id) ch ON ch.sale_id = s.sale_id
LEFT JOIN (SELECT sale_id, SUM(amount) AS total FROM sale_discounts GROUP BY sale_id) d ON d.sale_id = s.sale_id
LEFT JOIN (SELECT sale_id, SUM(CASE WHEN type = 'Refund' THEN amount ELSE 0 END) AS refunds,
                  SUM(CASE WHEN type <> 'Refund' THEN amount ELSE 0 END) AS paid
           FROM sale_payments GROUP BY sale_id) p ON p.sale_id = s.sale_id;
