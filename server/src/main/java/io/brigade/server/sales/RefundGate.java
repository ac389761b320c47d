package io.brigade.server.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * What the store asks of a refund before it is given, inside the refund's transaction (money control: a manager's
 * approval when the store wants one, the audit log). A refusal is a domain exception; the refund is then not given.
 */
@FunctionalInterface
public interface RefundGate {

    /** The refund about to be given. */
    record Given(String orgId, String propertyId, String saleId, String displayId, String refundId, BigDecimal amount,
                 String paymentMethod, String reason, String staffId, String staffName, String deviceId,
                 String deviceName, String shiftId, String approvalId, Instant at) {
    }

    void check(Connection c, Given refund) throws SQLException;

    /** No store asks anything: a reason is enough. */
    RefundGate NONE = (c, refund) -> {
    };
}
