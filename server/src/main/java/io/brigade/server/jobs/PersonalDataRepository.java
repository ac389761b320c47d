package io.brigade.server.jobs;

import io.brigade.server.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Finds and erases the personal data held on sales, leaving amounts, items and times untouched. */
public final class PersonalDataRepository {

    /** Whose data: a whole property (shop) or a customer matched by any of their identifiers. */
    public record Subject(String propertyId, String customerId, String email, String phone) {
    }

    private static String where(Subject s, List<Object> args) {
        if (s.propertyId() != null) {
            args.add(s.propertyId());
            return "property_id = ?";
        }
        List<String> or = new ArrayList<>();
        if (s.customerId() != null) {
            or.add("customer_id = ?");
            args.add(s.customerId());
        }
        if (s.email() != null) {
            or.add("LOWER(customer_email) = ?");
            args.add(s.email().toLowerCase(java.util.Locale.ROOT));
        }
        if (s.phone() != null) {
            or.add("customer_phone = ?");
            args.add(s.phone());
        }
        return "(" + String.join(" OR ", or) + ")";
    }

    /** The first and last business dates with sales of the subject, or null when there are none. */
    public java.time.LocalDate[] dateRange(Connection c, String orgId, Subject subject) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(orgId));
        String sql = "SELECT MIN(business_date), MAX(business_date) FROM sales WHERE org_id = ? AND "
                + where(subject, args);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.time.LocalDate min = rs.getObject(1, java.time.LocalDate.class);
                return min == null ? null : new java.time.LocalDate[] {min, rs.getObject(2, java.time.LocalDate.class)};
            }
        }
    }

    /**
     * The subject's sale ids of one business date. Day by day, each query stays on that day's range of the
     * (org, business date) index; paging the whole history by sale id re-read it for every page.
     */
    public List<String> salesOn(Connection c, String orgId, Subject subject, java.time.LocalDate date)
            throws SQLException {
        List<Object> args = new ArrayList<>(List.of(orgId, date));
        String sql = "SELECT sale_id FROM sales WHERE org_id = ? AND business_date = ? AND " + where(subject, args)
                + " ORDER BY sale_id";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Erases names, contact details, addresses, free-text notes and metadata (which clients fill freely)
     * from these sales and their lines. Returns the number of sales touched.
     */
    public int erase(Connection c, String orgId, List<String> saleIds) throws SQLException {
        if (saleIds.isEmpty()) {
            return 0;
        }
        String in = Sql.marks(saleIds.size());
        List<Object> args = new ArrayList<>(List.of(orgId));
        args.addAll(saleIds);
        int n;
        try (PreparedStatement ps = c.prepareStatement("UPDATE sales SET customer_id = NULL, customer_name = NULL, "
                + "customer_phone = NULL, customer_email = NULL, customer_external_id = NULL, delivery_notes = NULL, "
                + "delivery_address = NULL, delivery_latitude = NULL, delivery_longitude = NULL, metadata = NULL "
                + "WHERE org_id = ? AND sale_id IN (" + in + ")")) {
            Sql.bind(ps, args.toArray());
            n = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sale_items SET notes = NULL WHERE sale_id IN ("
                + in + ") AND notes IS NOT NULL")) {
            Sql.bind(ps, saleIds.toArray());
            ps.executeUpdate();
        }
        return n;
    }
}
