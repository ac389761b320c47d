package io.brigade.server.checks;

import io.brigade.server.access.Caller;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which till's drawer a payment at a table goes into. Money control answers, inside the payment's transaction: the
 * shift the payment names, or else the shift open on the paired till that takes it. A named shift of another store
 * or of another till is refused (a domain exception); a payment with no shift to go into counts in no drawer, as a
 * till's own sale rung with no shift open does.
 */
public interface PaymentTills {

    /** The till that took a payment (its device id and name) and the shift it went into (null: none). */
    record Taker(String deviceId, String deviceName, String shiftId) {
    }

    /** Who takes a payment made by {@code caller} naming {@code shiftId} (may be null); null when nobody is known. */
    Taker takenBy(Connection c, Caller caller, String orgId, String propertyId, String shiftId) throws SQLException;
}
