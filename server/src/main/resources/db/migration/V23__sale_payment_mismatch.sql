-- Payments minus refunds minus (items + charges - discounts), as the sale was pushed; zero when they balance.
ALTER TABLE sales ADD COLUMN payment_mismatch NUMERIC(19, 4) DEFAULT 0 NOT NULL;
