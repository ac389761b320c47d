package io.brigade.server.sales;

import java.sql.SQLException;

/**
 * The database refused to store a sale for a reason validation did not foresee. H2 and PostgreSQL put the
 * offending value in their messages, and a sale holds customers' data, so this keeps only what is safe to log:
 * the SQL state, the vendor's error code and where it failed (the stack of the original failure), never its
 * message or its cause.
 */
final class SaleNotStored extends RuntimeException {
    private SaleNotStored(String message) {
        super(message);
    }

    static SaleNotStored after(Throwable failure) {
        String what = failure.getClass().getName();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                what = "SQLState " + sql.getSQLState() + ", error code " + sql.getErrorCode() + ", "
                        + sql.getClass().getName();
                break;
            }
        }
        SaleNotStored safe = new SaleNotStored("the sale could not be stored (" + what
                + "); the database's message is not logged because it may hold the sale's values");
        safe.setStackTrace(failure.getStackTrace());
        return safe;
    }
}
