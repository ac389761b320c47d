package io.brigade.server.sales;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.ChargeType;
import io.brigade.protocol.sales.Customer;
import io.brigade.protocol.sales.DineIn;
import io.brigade.protocol.sales.Delivery;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.PaymentType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.sales.SalePayment;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.db.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sales stored relationally: a header row plus item, charge, discount and payment lines. */
public final class SaleRepository {

    /** The status of a sale and where it lives, read under a row lock. */
    public record SaleState(String saleId, String salesChannelId, SaleStatus status) {
    }

    /** A stored idempotency record. */
    public record IdempotencyRow(String requestHash, String saleId, int status, String body) {
    }

    /**
     * Inserts sales with one JDBC batch per table (the historical import passes thousands at once).
     * Each sale's status column is its record's status.
     */
    void insertAll(Connection c, List<SaleRecord> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sales (sale_id, org_id, property_id, "
                + "sales_channel_id, source, external_id, display_id, dispatch_type, requested_fulfillment_time, "
                + "desired_asap, date_time, business_date, created_at, dispatch_time, menu_id, menu_revision_id, "
                + "status, customer_id, customer_name, customer_phone, customer_email, customer_external_id, "
                + "dine_in_table, dine_in_guests, delivered_by, delivery_notes, delivery_country, delivery_address, "
                + "delivery_latitude, delivery_longitude, metadata, total_items, total_charges, total_discounts, "
                + "total_refunds, total_sale_amount, total_paid_amount, payment_mismatch, updated_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (SaleRecord r : records) {
                Sale s = r.sale();
                Customer cu = s.customer();
                DineIn di = s.dineIn();
                Delivery de = s.delivery();
                Delivery.Location loc = de == null ? null : de.location();
                Sql.bind(ps, r.saleId(), r.orgId(), r.propertyId(), s.salesChannelId(), s.source(), s.externalId(),
                        r.displayId(), s.dispatchType(), s.requestedFulfillmentTime(), s.desiredAsap(), r.dateTime(),
                        r.businessDate(), r.createdAt(), r.dispatchTime(), s.menuId(), r.menuRevisionId(), r.status(),
                        cu == null ? null : cu.id(), cu == null ? null : cu.name(), cu == null ? null : cu.phoneNumber(),
                        cu == null ? null : cu.emailAddress(), cu == null ? null : cu.externalId(),
                        di == null ? null : di.tableId(), di == null ? null : di.guests(),
                        de == null ? null : de.deliveredBy(), de == null ? null : de.notes(),
                        loc == null ? null : loc.countryCode(),
                        loc == null || loc.addressFields() == null ? null : json(loc.addressFields()),
                        loc == null || loc.coordinates() == null ? null : loc.coordinates().latitude(),
                        loc == null || loc.coordinates() == null ? null : loc.coordinates().longitude(),
                        s.metadata(), r.totals().items(), r.totals().charges(), r.totals().discounts(),
                        r.totals().refunds(), r.totals().saleAmount(), r.totals().paid(),
                        r.totals().paymentMismatch(), r.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_items (sale_id, line_no, parent_line_no, "
                + "menu_item_id, quantity, unit_price, notes) VALUES (?,?,?,?,?,?,?)")) {
            for (SaleRecord r : records) {
                int[] lineNo = {0};
                for (SaleItem item : r.sale().items()) {
                    insertItem(ps, r.saleId(), item, null, lineNo);
                }
            }
            ps.executeBatch();
        }
        batch(c, "INSERT INTO sale_charges (sale_id, line_no, type, amount, item_id) VALUES (?,?,?,?,?)",
                records, r -> r.sale().charges(),
                (ps, r, ch, i) -> Sql.bind(ps, r.saleId(), i, ch.type(), ch.amount(), ch.itemId()));
        batch(c, "INSERT INTO sale_discounts (sale_id, line_no, type, amount, code) VALUES (?,?,?,?,?)",
                records, r -> r.sale().discounts(),
                (ps, r, d, i) -> Sql.bind(ps, r.saleId(), i, d.type(), d.amount(), d.code()));
        batch(c, "INSERT INTO sale_payments (sale_id, line_no, type, payment_method, amount, paid_at, description1) "
                + "VALUES (?,?,?,?,?,?,?)", records, r -> r.sale().payments(), (ps, r, p, i) -> Sql.bind(ps,
                r.saleId(), i, p.type(), p.paymentMethod(), p.amount(), p.paidAt(), p.description1()));
        // What the lines just written add up to, for the reconciliation: the totals were computed from these very
        // lines (SaleValidator.totals), before any header field could be edited.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_line_totals (sale_id, items, charges, "
                + "discounts, refunds, paid) VALUES (?,?,?,?,?,?)")) {
            for (SaleRecord r : records) {
                SaleRecord.Totals t = r.totals();
                Sql.bind(ps, r.saleId(), t.items(), t.charges(), t.discounts(), t.refunds(), t.paid());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertItem(PreparedStatement ps, String saleId, SaleItem item, Integer parent, int[] lineNo)
            throws SQLException {
        int mine = ++lineNo[0];
        Sql.bind(ps, saleId, mine, parent, item.menuItemId(), item.quantity(), item.unitPrice(), item.notes());
        ps.addBatch();
        if (item.modifierItems() != null) {
            for (SaleItem modifier : item.modifierItems()) {
                insertItem(ps, saleId, modifier, mine, lineNo);
            }
        }
    }

    private interface Binder<T> {
        void bind(PreparedStatement ps, SaleRecord sale, T value, int lineNo) throws SQLException;
    }

    private static <T> void batch(Connection c, String sql, List<SaleRecord> records,
                                  java.util.function.Function<SaleRecord, List<T>> lines, Binder<T> binder)
            throws SQLException {
        // No statement at all when no sale has such lines (most sales have no charges): the live path
        // inserts one sale at a time.
        if (records.stream().map(lines).allMatch(rows -> rows == null || rows.isEmpty())) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (SaleRecord r : records) {
                List<T> rows = lines.apply(r);
                for (int i = 0; rows != null && i < rows.size(); i++) {
                    binder.bind(ps, r, rows.get(i), i + 1);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    boolean exists(Connection c, String saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sales WHERE sale_id = ?")) {
            Sql.bind(ps, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** An idempotency key with the answer it replays. */
    record NewKey(String orgId, String key, String hash, String saleId, int status, String body, Instant createdAt) {
    }

    /** Inserts keys with one JDBC batch; a key already used makes the whole batch fail (unique violation). */
    void insertIdempotency(Connection c, List<NewKey> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_keys (org_id, idem_key, request_hash, "
                + "sale_id, response_status, response_body, created_at) VALUES (?,?,?,?,?,?,?)")) {
            for (NewKey k : keys) {
                Sql.bind(ps, k.orgId(), k.key(), k.hash(), k.saleId(), k.status(), k.body(), k.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A partner's reference on a sale, claimed within its channel with the key the sale was stored under. */
    record NewExternalId(String orgId, String salesChannelId, String externalId, String saleId, String key) {
    }

    /** Claims references with one JDBC batch; one claimed before makes the whole batch fail (unique violation). */
    void insertExternalIds(Connection c, List<NewExternalId> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_external_ids (org_id, sales_channel_id, "
                + "external_id, sale_id, idem_key) VALUES (?,?,?,?,?)")) {
            for (NewExternalId id : ids) {
                Sql.bind(ps, id.orgId(), id.salesChannelId(), id.externalId(), id.saleId(), id.key());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The stored answer of the sale that claimed {@code externalId} in the channel. */
    Optional<IdempotencyRow> findByExternalId(Connection c, String orgId, String salesChannelId, String externalId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.request_hash, i.sale_id, i.response_status, "
                + "i.response_body FROM sale_external_ids e JOIN idempotency_keys i ON i.org_id = e.org_id "
                + "AND i.idem_key = e.idem_key WHERE e.org_id = ? AND e.sales_channel_id = ? AND e.external_id = ?")) {
            Sql.bind(ps, orgId, salesChannelId, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new IdempotencyRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    Optional<IdempotencyRow> findIdempotency(Connection c, String orgId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT request_hash, sale_id, response_status, response_body "
                + "FROM idempotency_keys WHERE org_id = ? AND idem_key = ?")) {
            Sql.bind(ps, orgId, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new IdempotencyRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    private static final String HEADER_COLUMNS = "sale_id, date_time, sales_channel_id, source, "
            + "requested_fulfillment_time, desired_asap, dispatch_type, external_id, display_id, menu_id, "
            + "menu_revision_id, total_charges, total_discounts, total_refunds, total_sale_amount, total_paid_amount, "
            + "metadata, status, payment_mismatch";

    /** Takes sale headers one at a time. */
    @FunctionalInterface
    public interface HeaderSink {
        void accept(SaleHeader header) throws java.io.IOException;
    }

    /**
     * Hands over the headers of a channel's sales in a business-date range, in time order, one at a time: a
     * year of a busy channel is a million sales. Inside a transaction PostgreSQL sends them in pieces of
     * {@code fetchSize} instead of all at once.
     */
    public void eachHeader(Connection c, String orgId, String salesChannelId, LocalDate from, LocalDate to,
                           HeaderSink sink) throws SQLException, java.io.IOException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HEADER_COLUMNS + " FROM sales WHERE org_id = ? "
                + "AND sales_channel_id = ? AND business_date BETWEEN ? AND ? ORDER BY date_time, sale_id")) {
            ps.setFetchSize(2_000);
            Sql.bind(ps, orgId, salesChannelId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(header(rs));
                }
            }
        }
    }

    public Optional<SaleHeader> header(Connection c, String orgId, String saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HEADER_COLUMNS
                + " FROM sales WHERE org_id = ? AND sale_id = ?")) {
            Sql.bind(ps, orgId, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(header(rs)) : Optional.empty();
            }
        }
    }

    private static SaleHeader header(ResultSet rs) throws SQLException {
        return new SaleHeader(rs.getString("sale_id"), Sql.instant(rs, "date_time"), rs.getString("sales_channel_id"),
                rs.getString("source"), Sql.instant(rs, "requested_fulfillment_time"),
                Sql.nullableBoolean(rs, "desired_asap"), DispatchType.valueOf(rs.getString("dispatch_type")),
                rs.getString("external_id"), rs.getString("display_id"), rs.getString("menu_id"),
                Long.toString(rs.getLong("menu_revision_id")), Sql.money(rs, "total_charges"),
                Sql.money(rs, "total_discounts"), Sql.money(rs, "total_refunds"), Sql.money(rs, "total_sale_amount"),
                Sql.money(rs, "total_paid_amount"), rs.getString("metadata"), SaleStatus.valueOf(rs.getString("status")),
                Sql.money(rs, "payment_mismatch"));
    }

    /** The business date a stored sale was given when it was rung (in its property's zone then). */
    public Optional<LocalDate> businessDate(Connection c, String orgId, String saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT business_date FROM sales WHERE org_id = ? AND sale_id = ?")) {
            Sql.bind(ps, orgId, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, LocalDate.class)) : Optional.empty();
            }
        }
    }

    /** The full sale in the create shape, or empty when it is not in this org and channel. */
    public Optional<Sale> detail(Connection c, String orgId, String salesChannelId, String saleId)
            throws SQLException {
        Sale head;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sales WHERE org_id = ? AND sale_id = ? "
                + "AND sales_channel_id = ?")) {
            Sql.bind(ps, orgId, saleId, salesChannelId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                head = headOf(rs);
            }
        }
        return Optional.of(new Sale(head.salesChannelId(), head.source(), head.requestedFulfillmentTime(),
                head.desiredAsap(), head.dispatchType(), head.externalId(), head.displayId(), head.menuId(),
                head.menuRevisionId(), head.customer(), head.dineIn(), head.delivery(), items(c, saleId),
                charges(c, saleId), discounts(c, saleId), payments(c, saleId), head.metadata(), saleId,
                head.status(), head.paymentMismatch()));
    }

    private static Sale headOf(ResultSet rs) throws SQLException {
        Customer customer = null;
        if (rs.getString("customer_name") != null || rs.getString("customer_phone") != null
                || rs.getString("customer_id") != null || rs.getString("customer_email") != null) {
            customer = new Customer(rs.getString("customer_id"), rs.getString("customer_name"),
                    rs.getString("customer_phone"), rs.getString("customer_email"),
                    rs.getString("customer_external_id"));
        }
        DineIn dineIn = rs.getString("dine_in_table") == null && Sql.nullableInt(rs, "dine_in_guests") == null
                ? null : new DineIn(rs.getString("dine_in_table"), Sql.nullableInt(rs, "dine_in_guests"));
        Delivery delivery = null;
        if (rs.getString("delivered_by") != null || rs.getString("delivery_country") != null
                || rs.getString("delivery_notes") != null || rs.getString("delivery_address") != null) {
            Delivery.Coordinates coordinates = rs.getBigDecimal("delivery_latitude") == null ? null
                    : new Delivery.Coordinates(rs.getBigDecimal("delivery_latitude").stripTrailingZeros(),
                    rs.getBigDecimal("delivery_longitude").stripTrailingZeros());
            String address = rs.getString("delivery_address");
            delivery = new Delivery(rs.getString("delivered_by"), rs.getString("delivery_notes"),
                    new Delivery.Location(rs.getString("delivery_country"),
                            address == null ? null : map(address), coordinates));
        }
        return new Sale(rs.getString("sales_channel_id"), rs.getString("source"),
                Sql.instant(rs, "requested_fulfillment_time"), Sql.nullableBoolean(rs, "desired_asap"),
                DispatchType.valueOf(rs.getString("dispatch_type")), rs.getString("external_id"),
                rs.getString("display_id"), rs.getString("menu_id"), Long.toString(rs.getLong("menu_revision_id")),
                customer, dineIn, delivery, null, null, null, null, rs.getString("metadata"),
                rs.getString("sale_id"), SaleStatus.valueOf(rs.getString("status")), Sql.money(rs, "payment_mismatch"));
    }

    private static List<SaleItem> items(Connection c, String saleId) throws SQLException {
        record Line(int no, Integer parent, String menuItemId, int qty, java.math.BigDecimal price, String notes) {
        }
        List<Line> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT line_no, parent_line_no, menu_item_id, quantity, "
                + "unit_price, notes FROM sale_items WHERE sale_id = ? ORDER BY line_no")) {
            Sql.bind(ps, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Line(rs.getInt(1), Sql.nullableInt(rs, "parent_line_no"), rs.getString(3),
                            rs.getInt(4), Sql.money(rs, "unit_price"), rs.getString(6)));
                }
            }
        }
        Map<Integer, List<Line>> children = new HashMap<>();
        List<Line> roots = new ArrayList<>();
        for (Line l : lines) {
            if (l.parent() == null) {
                roots.add(l);
            } else {
                children.computeIfAbsent(l.parent(), k -> new ArrayList<>()).add(l);
            }
        }
        java.util.function.Function<Line, SaleItem>[] build = new java.util.function.Function[1];
        build[0] = l -> new SaleItem(l.menuItemId(), l.qty(), l.price(), l.notes(),
                children.getOrDefault(l.no(), List.of()).stream().map(build[0]).toList());
        return roots.stream().map(build[0]).toList();
    }

    private static List<SaleCharge> charges(Connection c, String saleId) throws SQLException {
        List<SaleCharge> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT type, amount, item_id FROM sale_charges WHERE sale_id = ? ORDER BY line_no")) {
            Sql.bind(ps, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SaleCharge(ChargeType.valueOf(rs.getString(1)), Sql.money(rs, "amount"),
                            rs.getString(3)));
                }
            }
        }
        return out;
    }

    private static List<SaleDiscount> discounts(Connection c, String saleId) throws SQLException {
        List<SaleDiscount> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT type, amount, code FROM sale_discounts WHERE sale_id = ? ORDER BY line_no")) {
            Sql.bind(ps, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SaleDiscount(DiscountType.valueOf(rs.getString(1)), Sql.money(rs, "amount"),
                            rs.getString(3)));
                }
            }
        }
        return out;
    }

    private static List<SalePayment> payments(Connection c, String saleId) throws SQLException {
        List<SalePayment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT type, payment_method, amount, paid_at, description1 "
                + "FROM sale_payments WHERE sale_id = ? ORDER BY line_no")) {
            Sql.bind(ps, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SalePayment(PaymentType.valueOf(rs.getString(1)),
                            PaymentMethod.valueOf(rs.getString(2)), Sql.money(rs, "amount"),
                            Sql.instant(rs, "paid_at"), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** Reads and locks a sale's status row for an update in the same transaction. */
    Optional<SaleState> lockState(Connection c, String orgId, String saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sale_id, sales_channel_id, status FROM sales "
                + "WHERE org_id = ? AND sale_id = ? FOR UPDATE")) {
            Sql.bind(ps, orgId, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new SaleState(rs.getString(1), rs.getString(2),
                        SaleStatus.valueOf(rs.getString(3)))) : Optional.empty();
            }
        }
    }

    void updateStatus(Connection c, String saleId, SaleStatus status, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sales SET status = ?, updated_at = ? WHERE sale_id = ?")) {
            Sql.bind(ps, status, now, saleId);
            ps.executeUpdate();
        }
    }

    void cancel(Connection c, String saleId, String reason, String notes, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sales SET status = ?, cancellation_reason = ?, "
                + "cancellation_notes = ?, cancelled_at = ?, updated_at = ? WHERE sale_id = ?")) {
            Sql.bind(ps, SaleStatus.SALE_CANCELLED, reason, notes, now, now, saleId);
            ps.executeUpdate();
        }
    }

    void updateTimes(Connection c, String saleId, Instant dispatchTime, Instant deliveryTime, Instant pickupTime,
                     Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sales SET dispatch_time = COALESCE(?, dispatch_time), "
                + "delivery_time = COALESCE(?, delivery_time), pickup_time = COALESCE(?, pickup_time), "
                + "updated_at = ? WHERE sale_id = ?")) {
            Sql.bind(ps, dispatchTime, deliveryTime, pickupTime, now, saleId);
            ps.executeUpdate();
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> map(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
