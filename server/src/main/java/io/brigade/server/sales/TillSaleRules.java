package io.brigade.server.sales;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a store asks of the sales its tills ring (money control: a discount above the store's limit needs a
 * manager's approval, a voucher must be on the store's list), checked as a step of the sale path in the batch's
 * transaction. A sale that breaks them is refused with a domain exception; what it uses (a voucher's use, an
 * approval) is counted in the same transaction.
 */
@FunctionalInterface
public interface TillSaleRules {

    void check(Connection c, SaleRecord sale) throws SQLException;

    /** No rules: every sale as it is pushed. */
    TillSaleRules NONE = (c, sale) -> {
    };
}
