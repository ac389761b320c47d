package io.brigade.server.inventory;

import java.sql.Connection;
import java.sql.SQLException;

/** What else happens, in the same transaction, when an item's stock runs out or is restocked. */
public interface StockOut {
    /** Nothing beyond the stock level itself. */
    StockOut NONE = new StockOut() {
        @Override
        public void soldOut(Connection c, String orgId, String propertyId, String menuItemId) {
        }

        @Override
        public void restocked(Connection c, String orgId, String menuItemId) {
        }
    };

    /** A sale at {@code propertyId} took the last of {@code menuItemId}. */
    void soldOut(Connection c, String orgId, String propertyId, String menuItemId) throws SQLException;

    /** {@code menuItemId} has stock again after a restock. */
    void restocked(Connection c, String orgId, String menuItemId) throws SQLException;
}
