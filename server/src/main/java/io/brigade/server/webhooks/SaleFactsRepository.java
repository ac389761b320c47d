package io.brigade.server.webhooks;

import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Reads the few sale fields that sale events carry beyond the header (times and cancellation). */
public final class SaleFactsRepository {

    /** The event-relevant fields of a stored sale. */
    public record SaleFacts(Instant dispatchTime, Instant deliveryTime,
                            Instant pickupTime, String cancellationReason, String cancellationNotes) {
    }

    public Optional<SaleFacts> find(Connection c, String orgId, String saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT dispatch_time, "
                + "delivery_time, pickup_time, cancellation_reason, cancellation_notes FROM sales "
                + "WHERE org_id = ? AND sale_id = ?")) {
            Sql.bind(ps, orgId, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SaleFacts(Sql.instant(rs, "dispatch_time"),
                        Sql.instant(rs, "delivery_time"), Sql.instant(rs, "pickup_time"),
                        rs.getString("cancellation_reason"), rs.getString("cancellation_notes")));
            }
        }
    }
}
