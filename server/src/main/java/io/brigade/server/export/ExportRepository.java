package io.brigade.server.export;

import io.brigade.server.db.Sql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads sales, in sale-id order and in batches, for the canonical export. */
public final class ExportRepository {
    private static final int FETCH = 5_000;

    /** Which sales: business dates {@code from}..{@code to} and optional property, channel, channel type. */
    public record Filter(String orgId, LocalDate from, LocalDate to, String propertyId, String salesChannelId,
                         String salesChannelType, boolean includeCancelled) {
    }

    /**
     * A sale header with its channel type. Amounts are the database's text of the stored decimal
     * ({@link CsvWriter#money} writes them as the server answers them): no decimal object per value.
     */
    public record Header(String saleId, String externalId, String displayId, String propertyId, String salesChannelId,
                         String salesChannelType, String dispatchType, String status, Instant dateTime,
                         LocalDate businessDate, Instant requestedFulfillmentTime, Integer guests, String menuId,
                         long menuRevisionId, String totalItems, String totalCharges, String totalDiscounts,
                         String totalRefunds, String totalSaleAmount, String totalPaidAmount,
                         String paymentMismatch, Instant cancelledAt, String cancellationReason) {
    }

    /** A stored sale line (modifiers point at their parent line). */
    public record Line(String saleId, int lineNo, Integer parentLineNo, String menuItemId, int quantity,
                       String unitPrice, String notes) {
    }

    /** A charge, discount or payment row: {@code kind} is its type, {@code extra} the item id, code or method. */
    public record Entry(String saleId, int lineNo, String type, String amount, String extra, Instant at) {
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
     * payments: five queries per day, each sorted by sale id, merged here (no per-sale or per-batch look-ups).
     * With {@code fetchSize} and a transaction, PostgreSQL streams each result instead of sending it whole.
     *
     * <p>First the day's sale ids. Sale ids grow with time, so a day's sales usually fill the span of ids from
     * its first to its last: then the headers and each child table are read as that span of their primary key,
     * in index order, with no join and no sort, and the rows of sales outside the day (a late sale, another
     * property, another org) are passed over here. When the span holds more than twice the day's sales (many orgs
     * writing at once, an import of old sales), each child table is read by probing its primary key with each of
     * the day's sales instead (a nested loop: on PostgreSQL hash and merge joins are turned off for the export's
     * transaction; left to itself the planner hashed the day's 27,000 sales and scanned all of
     * {@code sale_items}, 38 million rows, 14.6 s for one day at 8.3 million sales).
     */
    public int eachSaleOn(Connection c, Filter f, LocalDate date, SaleSink sink) throws SQLException, IOException {
        Filter day = new Filter(f.orgId(), date, date, f.propertyId(), f.salesChannelId(), f.salesChannelType(),
                f.includeCancelled());
        noHashOrMergeJoins(c);
        DaySales ids = saleIds(c, day);
        if (ids.ids().isEmpty()) {
            return 0;
        }
        String first = ids.first();
        String last = ids.last();
        Set<String> only = spanHoldsAtMost(c, first, last, 2L * ids.ids().size()) ? new HashSet<>(ids.ids()) : null;
        ids = null; // the set (or nothing) is all that is needed from here
        Map<String, String> channelTypes = channelTypes(c, f.orgId());
        // Over a span the headers too are read in the primary key's order (no sort: sorting a day's 27,000
        // headers took PostgreSQL longer than reading them), the other sales' passed over.
        try (Rows<Header> headers = only != null
                ? rows(c, HEADER_COLUMNS + " FROM sales s WHERE s.sale_id >= ? AND s.sale_id <= ? ORDER BY s.sale_id",
                        new Object[] {first, last}, rs -> header(rs, channelTypes), only)
                : rows(c, HEADER_COLUMNS + where(day, new ArrayList<>()) + " ORDER BY s.sale_id", args(day),
                        rs -> header(rs, channelTypes), null);
             Rows<Line> lines = child(c, "SELECT x.sale_id, x.line_no, x.parent_line_no, x.menu_item_id, x.quantity, "
                     + "x.unit_price, x.notes", "sale_items", day, first, last, only,
                     rs -> new Line(rs.getString(1), rs.getInt(2), Sql.nullableInt(rs, 3), rs.getString(4),
                             rs.getInt(5), rs.getString(6), rs.getString(7)));
             Rows<Entry> charges = child(c, "SELECT x.sale_id, x.line_no, x.type, x.amount, x.item_id, "
                     + "NULL AS occurred_at", "sale_charges", day, first, last, only, ExportRepository::entry);
             Rows<Entry> discounts = child(c, "SELECT x.sale_id, x.line_no, x.type, x.amount, x.code, "
                     + "NULL AS occurred_at", "sale_discounts", day, first, last, only, ExportRepository::entry);
             Rows<Entry> payments = child(c, "SELECT x.sale_id, x.line_no, x.type, x.amount, x.payment_method, "
                     + "x.paid_at AS occurred_at", "sale_payments", day, first, last, only,
                     ExportRepository::entry)) {
            int n = 0;
            for (Header h = headers.nextOf(Header::saleId); h != null; h = headers.nextOf(Header::saleId)) {
                sink.accept(new SaleRows(h, lines.of(h.saleId(), Line::saleId),
                        charges.of(h.saleId(), Entry::saleId), discounts.of(h.saleId(), Entry::saleId),
                        payments.of(h.saleId(), Entry::saleId)));
                n++;
            }
            return n;
        }
    }

    /**
     * Hands over the sales of business dates {@code from}..{@code to}, a date after the other and each date's in
     * sale-id order ({@link #eachSaleOn}'s order). Several days are read at once, their rows held here, when they
     * hold at most {@code most} sales (a small org: the queries and the transaction of a day of a few hundred
     * sales cost more than its rows); else day by day, streamed.
     */
    public int eachSaleIn(Connection c, Filter f, LocalDate from, LocalDate to, int most, SaleSink sink)
            throws SQLException, IOException {
        if (from.equals(to)) {
            return eachSaleOn(c, f, from, sink);
        }
        Filter range = new Filter(f.orgId(), from, to, f.propertyId(), f.salesChannelId(), f.salesChannelType(),
                f.includeCancelled());
        noHashOrMergeJoins(c);
        DaySales ids = saleIds(c, range);
        if (ids.ids().isEmpty()) {
            return 0;
        }
        if (ids.ids().size() > most) {
            int n = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                n += eachSaleOn(c, f, day, sink);
            }
            return n;
        }
        String first = ids.first();
        String last = ids.last();
        Set<String> only = new HashSet<>(ids.ids());
        if (!spanHoldsAtMost(c, first, last, 2L * ids.ids().size())) {
            only = null; // every row of the joined reads is one of the range's sales
        }
        ids = null;
        Map<String, String> channelTypes = channelTypes(c, f.orgId());
        Map<String, List<Line>> lines = bySale(child(c, "SELECT x.sale_id, x.line_no, x.parent_line_no, "
                + "x.menu_item_id, x.quantity, x.unit_price, x.notes", "sale_items", range, first, last, only,
                rs -> new Line(rs.getString(1), rs.getInt(2), Sql.nullableInt(rs, 3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7))), only, Line::saleId);
        Map<String, List<Entry>> charges = bySale(child(c, "SELECT x.sale_id, x.line_no, x.type, x.amount, "
                + "x.item_id, NULL AS occurred_at", "sale_charges", range, first, last, only, ExportRepository::entry),
                only, Entry::saleId);
        Map<String, List<Entry>> discounts = bySale(child(c, "SELECT x.sale_id, x.line_no, x.type, x.amount, "
                + "x.code, NULL AS occurred_at", "sale_discounts", range, first, last, only, ExportRepository::entry),
                only, Entry::saleId);
        Map<String, List<Entry>> payments = bySale(child(c, "SELECT x.sale_id, x.line_no, x.type, x.amount, "
                + "x.payment_method, x.paid_at AS occurred_at", "sale_payments", range, first, last, only,
                ExportRepository::entry), only, Entry::saleId);
        try (Rows<Header> headers = rows(c, HEADER_COLUMNS + where(range, new ArrayList<>())
                + " ORDER BY s.business_date, s.sale_id", args(range), rs -> header(rs, channelTypes), null)) {
            int n = 0;
            for (Header h = headers.next(); h != null; h = headers.next()) {
                sink.accept(new SaleRows(h, lines.getOrDefault(h.saleId(), List.of()),
                        charges.getOrDefault(h.saleId(), List.of()), discounts.getOrDefault(h.saleId(), List.of()),
                        payments.getOrDefault(h.saleId(), List.of())));
                n++;
            }
            return n;
        }
    }

    /** A child table's rows of the given sales (all, when {@code only} is null), each sale's in their order. */
    private static <T> Map<String, List<T>> bySale(Rows<T> rows, Set<String> only,
                                                   java.util.function.Function<T, String> key) throws SQLException {
        try (rows) {
            Map<String, List<T>> out = new HashMap<>();
            for (T row = rows.next(); row != null; row = rows.next()) {
                String id = key.apply(row);
                if (only == null || only.contains(id)) {
                    out.computeIfAbsent(id, k -> new ArrayList<>(4)).add(row);
                }
            }
            return out;
        }
    }

    private static void noHashOrMergeJoins(Connection c) throws SQLException {
        if (Sql.isPostgres(c)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL enable_hashjoin = off");
                st.execute("SET LOCAL enable_mergejoin = off");
            }
        }
    }

    /** A day's sale ids in no order, with the first and the last in the database's order. */
    private record DaySales(List<String> ids, String first, String last) {
    }

    /**
     * The day's sale ids, unsorted: sorting them took PostgreSQL as long as fetching them; the first and the last
     * (the span's bounds) are the database's own minimum and maximum, so they follow its collation.
     */
    private static DaySales saleIds(Connection c, Filter day) throws SQLException {
        List<Object> args = new ArrayList<>();
        String from = where(day, args);
        List<String> ids = new ArrayList<>();
        String first = null;
        String last = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.sale_id, MIN(s.sale_id) OVER (), "
                + "MAX(s.sale_id) OVER ()" + from)) {
            ps.setFetchSize(FETCH);
            Sql.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    if (first == null) {
                        first = rs.getString(2);
                        last = rs.getString(3);
                    }
                }
            }
        }
        return new DaySales(ids, first, last);
    }

    /** Whether the sales with ids from {@code first} to {@code last} are at most {@code most} (counted no further). */
    private static boolean spanHoldsAtMost(Connection c, String first, String last, long most) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT s.sale_id FROM sales s "
                + "WHERE s.sale_id >= ? AND s.sale_id <= ? ORDER BY s.sale_id FETCH FIRST ? ROWS ONLY) span")) {
            ps.setString(1, first);
            ps.setString(2, last);
            ps.setLong(3, most + 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) <= most;
            }
        }
    }

    private static Object[] args(Filter f) {
        List<Object> args = new ArrayList<>();
        where(f, args);
        return args.toArray();
    }

    /**
     * A child table's rows of the day's sales in (sale id, line) order: the span of its primary key from the
     * day's first sale to its last when {@code only} is given (rows of other sales are passed over by
     * {@link Rows#of}), else joined to the day's sales.
     */
    private static <T> Rows<T> child(Connection c, String select, String table, Filter day, String first,
                                     String last, Set<String> only, RowReader<T> reader) throws SQLException {
        if (only != null) {
            return rows(c, select + " FROM " + table + " x WHERE x.sale_id >= ? AND x.sale_id <= ? "
                    + "ORDER BY x.sale_id, x.line_no", new Object[] {first, last}, reader, only);
        }
        List<Object> args = new ArrayList<>();
        String where = where(day, args);
        // where() starts with the sales table; the child table joins on after it.
        String from = where.replaceFirst(" WHERE ", " JOIN " + table + " x ON x.sale_id = s.sale_id WHERE ");
        return rows(c, select + from + " ORDER BY x.sale_id, x.line_no", args.toArray(), reader, null);
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
                rs.getLong(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19), rs.getString(20), Sql.instant(rs, 21), rs.getString(22));
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Sql.instant(rs, 6));
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> Rows<T> rows(Connection c, String sql, Object[] args, RowReader<T> reader, Set<String> only)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            ps.setFetchSize(FETCH);
            Sql.bind(ps, args);
            return new Rows<>(ps, ps.executeQuery(), reader, only);
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
        private final Set<String> only;
        private T ahead;
        private boolean done;

        Rows(PreparedStatement statement, ResultSet rs, RowReader<T> reader, Set<String> only) {
            this.statement = statement;
            this.rs = rs;
            this.reader = reader;
            this.only = only;
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

        /** The next row of a sale in {@code only} (any next row without it). */
        T nextOf(java.util.function.Function<T, String> key) throws SQLException {
            for (T row = next(); row != null; row = next()) {
                if (only == null || only.contains(key.apply(row))) {
                    return row;
                }
            }
            return null;
        }

        /**
         * The rows of {@code saleId}: those at the head of the result, after any of sales not in {@code only}.
         * Every query is sorted by sale id, so a sale's rows come exactly where its header does (whatever the
         * database's collation); rows of sales outside the day can only come before them.
         */
        List<T> of(String saleId, java.util.function.Function<T, String> key) throws SQLException {
            List<T> out = null;
            for (T row = next(); row != null; row = next()) {
                String id = key.apply(row);
                if (!id.equals(saleId)) {
                    if (only != null && !only.contains(id)) {
                        continue;
                    }
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
