package io.brigade.server.export;

import io.brigade.server.db.Sql;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads sales, in sale-id order and in batches, for the canonical export. */
public final class ExportRepository {
    private static final int FETCH = 5_000;

    /** Which sales: business dates {@code from}..{@code to} and optional property, channel, channel type. */
    public record Filter(String orgId, LocalDate from, LocalDate to, String propertyId, String salesChannelId,
                         String salesChannelType, boolean includeCancelled) {
    }

    /** A sale header with its channel type. */
    public record Header(String saleId, String externalId, String displayId, String propertyId, String salesChannelId,
                         String salesChannelType, String dispatchType, String status, Instant dateTime,
                         LocalDate businessDate, Instant requestedFulfillmentTime, Integer guests, String menuId,
                         long menuRevisionId, BigDecimal totalItems, BigDecimal totalCharges,
                         BigDecimal totalDiscounts, BigDecimal totalRefunds, BigDecimal totalSaleAmount,
                         BigDecimal totalPaidAmount, BigDecimal paymentMismatch, Instant cancelledAt,
                         String cancellationReason) {
    }

    /** A stored sale line (modifiers point at their parent line). */
    public record Line(String saleId, int lineNo, Integer parentLineNo, String menuItemId, int quantity,
                       BigDecimal unitPrice, String notes) {
    }

    /** A charge, discount or payment row: {@code kind} is its type, {@code extra} the item id, code or method. */
    public record Entry(String saleId, int lineNo, String type, BigDecimal amount, String extra, Instant at) {
    }

    /**
     * The filter over {@code sales s} alone: the channel type is a sub-query rather than a join, so that a child
     * table's query is the sales of the day and their rows, nothing else.
     */
    private static String where(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" FROM sales s WHERE s.org_id = ? AND s.business_date >= ? "
                + "AND s.business_date <= ?");
        args.add(f.orgId());
        args.add(f.from());
        args.add(f.to());
        if (f.propertyId() != null) {
            sql.append(" AND s.property_id = ?");
            args.add(f.propertyId());
        }
        if (f.salesChannelId() != null) {
            sql.append(" AND s.sales_channel_id = ?");
            args.add(f.salesChannelId());
        }
        if (f.salesChannelType() != null) {
            sql.append(" AND s.sales_channel_id IN (SELECT sc.sales_channel_id FROM sales_channels sc "
                    + "WHERE sc.org_id = ? AND sc.sales_channel_type = ?)");
            args.add(f.orgId());
            args.add(f.salesChannelType());
        }
        if (!f.includeCancelled()) {
            sql.append(" AND s.status <> 'SALE_CANCELLED'");
        }
        return sql.toString();
    }

    /** A sale with its child rows. */
    public record SaleRows(Header header, List<Line> lines, List<Entry> charges, List<Entry> discounts,
                           List<Entry> payments) {
    }

    /** Takes the sales of a day one by one. */
    @FunctionalInterface
    public interface SaleSink {
        void accept(SaleRows sale) throws IOException;
    }

    /** The header's columns, read by position ({@link #header}); the channel's type comes from a map. */
    private static final String HEADER_COLUMNS = "SELECT s.sale_id, s.external_id, s.display_id, s.property_id, "
            + "s.sales_channel_id, s.dispatch_type, s.status, s.date_time, s.business_date, "
            + "s.requested_fulfillment_time, s.dine_in_guests, s.menu_id, s.menu_revision_id, s.total_items, "
            + "s.total_charges, s.total_discounts, s.total_refunds, s.total_sale_amount, s.total_paid_amount, "
            + "s.payment_mismatch, s.cancelled_at, s.cancellation_reason";

    /**
     * Hands over the sales of one business date in sale-id order, each with its lines, charges, discounts and
     * payments. Five queries per day, each sorted by sale id and merged here: no per-sale or per-batch look-ups.
     * With {@code fetchSize} and a transaction, PostgreSQL streams each result instead of sending it whole.
     *
     * <p>On PostgreSQL a child table is read by probing its primary key with each of the day's sales (a nested
     * loop). Left to itself the planner preferred hashing the day's sales and scanning the whole child table
     * (all of {@code sale_items}, 38 million rows, 14.6 s for a day of 27,000 sales at 8.3 million sales) over
     * 27,000 probes that take 0.1 s: its cost of a random page read assumes a disk, not a cached index. So the
     * export's read-only transaction turns hash and merge joins off ({@code SET LOCAL}: for it alone).
     */
    public int eachSaleOn(Connection c, Filter f, LocalDate date, SaleSink sink) throws SQLException, IOException {
        Filter day = new Filter(f.orgId(), date, date, f.propertyId(), f.salesChannelId(), f.salesChannelType(),
                f.includeCancelled());
        if (isPostgres(c)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL enable_hashjoin = off");
                st.execute("SET LOCAL enable_mergejoin = off");
            }
        }
        Map<String, String> channelTypes = channelTypes(c, f.orgId());
        try (Rows<Header> headers = rows(c, HEADER_COLUMNS, "", day, " ORDER BY s.sale_id",
                rs -> header(rs, channelTypes));
             Rows<Line> lines = rows(c, "SELECT x.sale_id, x.line_no, x.parent_line_no, x.menu_item_id, x.quantity, "
                     + "x.unit_price, x.notes", " JOIN sale_items x ON x.sale_id = s.sale_id", day,
                     " ORDER BY x.sale_id, x.line_no", rs -> new Line(rs.getString(1), rs.getInt(2),
                             Sql.nullableInt(rs, 3), rs.getString(4), rs.getInt(5), Sql.money(rs, 6),
                             rs.getString(7)));
             Rows<Entry> charges = rows(c, "SELECT x.sale_id, x.line_no, x.type, x.amount, x.item_id, "
                     + "NULL AS occurred_at", " JOIN sale_charges x ON x.sale_id = s.sale_id", day,
                     " ORDER BY x.sale_id, x.line_no", ExportRepository::entry);
             Rows<Entry> discounts = rows(c, "SELECT x.sale_id, x.line_no, x.type, x.amount, x.code, "
                     + "NULL AS occurred_at", " JOIN sale_discounts x ON x.sale_id = s.sale_id", day,
                     " ORDER BY x.sale_id, x.line_no", ExportRepository::entry);
             Rows<Entry> payments = rows(c, "SELECT x.sale_id, x.line_no, x.type, x.amount, x.payment_method, "
                     + "x.paid_at AS occurred_at", " JOIN sale_payments x ON x.sale_id = s.sale_id", day,
                     " ORDER BY x.sale_id, x.line_no", ExportRepository::entry)) {
            int n = 0;
            for (Header h = headers.next(); h != null; h = headers.next()) {
                sink.accept(new SaleRows(h, lines.of(h.saleId(), Line::saleId),
                        charges.of(h.saleId(), Entry::saleId), discounts.of(h.saleId(), Entry::saleId),
                        payments.of(h.saleId(), Entry::saleId)));
                n++;
            }
            return n;
        }
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private static Map<String, String> channelTypes(Connection c, String orgId) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sales_channel_id, sales_channel_type "
                + "FROM sales_channels WHERE org_id = ?")) {
            ps.setString(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return types;
    }

    // By position, not by name: a name is a look-up per value, and the export reads tens of millions of values.
    private static Header header(ResultSet rs, Map<String, String> channelTypes) throws SQLException {
        String channelId = rs.getString(5);
        return new Header(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), channelId,
                channelTypes.get(channelId), rs.getString(6), rs.getString(7), Sql.instant(rs, 8),
                rs.getObject(9, LocalDate.class), Sql.instant(rs, 10), Sql.nullableInt(rs, 11), rs.getString(12),
                rs.getLong(13), Sql.money(rs, 14), Sql.money(rs, 15), Sql.money(rs, 16), Sql.money(rs, 17),
                Sql.money(rs, 18), Sql.money(rs, 19), Sql.money(rs, 20), Sql.instant(rs, 21), rs.getString(22));
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), Sql.money(rs, 4), rs.getString(5),
                Sql.instant(rs, 6));
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> Rows<T> rows(Connection c, String select, String join, Filter f, String order,
                                    RowReader<T> reader) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        // where() starts with the sales table; a child table joins on after it.
        String from = join.isEmpty() ? where : where.replaceFirst(" WHERE ", join + " WHERE ");
        PreparedStatement ps = c.prepareStatement(select + from + order);
        try {
            ps.setFetchSize(FETCH);
            Sql.bind(ps, args.toArray());
            return new Rows<>(ps, ps.executeQuery(), reader);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** A sorted result read one row ahead, so the rows of one sale can be taken while the next waits. */
    private static final class Rows<T> implements AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rs;
        private final RowReader<T> reader;
        private T ahead;
        private boolean done;

        Rows(PreparedStatement statement, ResultSet rs, RowReader<T> reader) {
            this.statement = statement;
            this.rs = rs;
            this.reader = reader;
        }

        T next() throws SQLException {
            if (ahead != null) {
                T out = ahead;
                ahead = null;
                return out;
            }
            if (done || !rs.next()) {
                done = true;
                return null;
            }
            return reader.read(rs);
        }

        /**
         * The rows of {@code saleId}: those at the head of the result. Every query has the same filter and the
         * same order, so a sale's rows come exactly where its header does (whatever the database's collation).
         */
        List<T> of(String saleId, java.util.function.Function<T, String> key) throws SQLException {
            List<T> out = null;
            for (T row = next(); row != null; row = next()) {
                if (!key.apply(row).equals(saleId)) {
                    ahead = row;
                    break;
                }
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(row);
            }
            return out == null ? List.of() : out;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
