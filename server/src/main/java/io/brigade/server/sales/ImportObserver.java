package io.brigade.server.sales;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Work that commits with a chunk of imported historical sales (the analytics rollups). Unlike a
 * {@link SaleObserver}, it sees many sales at once and is the only thing an import notifies: webhooks,
 * kitchen tickets and stock belong to sales happening now, not to history.
 */
public interface ImportObserver {

    /** {@code records} (all of org {@code orgId}, in input order) were just inserted in this transaction. */
    void imported(Connection c, String orgId, List<SaleRecord> records) throws SQLException;
}
