package io.brigade.server.v1;

import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.v1.V1Shapes;
import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The order list of the v1 API: an org's sales filtered by status and business date, newest first. */
public final class V1OrderRepository {

    public List<V1Shapes.OrderSummary> list(Connection c, String orgId, String status, LocalDate from, LocalDate to,
                                            int limit, int offset) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT sale_id, display_id, status, sales_channel_id, dispatch_type, "
                + "source, external_id, created_at, business_date, total_sale_amount, total_paid_amount "
                + "FROM sales WHERE org_id = ?");
        List<Object> args = new ArrayList<>(List.of(orgId));
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (from != null) {
            sql.append(" AND business_date >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND business_date <= ?");
            args.add(to);
        }
        sql.append(" ORDER BY created_at DESC, sale_id DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        List<V1Shapes.OrderSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Sql.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new V1Shapes.OrderSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), DispatchType.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                            Sql.instant(rs, "created_at"), rs.getObject(9, LocalDate.class),
                            Sql.money(rs, "total_sale_amount"), Sql.money(rs, "total_paid_amount")));
                }
            }
        }
        return out;
    }
}
