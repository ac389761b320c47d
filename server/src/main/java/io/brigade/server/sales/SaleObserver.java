package io.brigade.server.sales;

import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleStatus;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that must commit or roll back with a sale's own change: the webhook outbox, analytics
 * rollups, stock. Called inside the sale's transaction; throwing undoes the change.
 */
public interface SaleObserver {

    /** A new sale was inserted (not called for an idempotent replay). */
    default void created(Connection c, SaleRecord sale) throws SQLException {
    }

    /**
     * A stored sale moved from {@code before} to {@code after.status()}, or (when they are equal) only
     * changed a time, as with {@code SALE_PICKUP_TIME_CHANGED}; {@code reported} is the status as the
     * caller named it.
     */
    default void statusChanged(Connection c, String orgId, SaleHeader after, SaleStatus before, String reported)
            throws SQLException {
    }
}
