package io.brigade.server.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.analytics.Reconciliation;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reconciliation reads each sale's line totals kept at write time; its answers are those of the computation it
 * replaced, which re-added every stored line of the range ({@link #lineByLine}, kept here as the reference), on a
 * generated history: several days and channels' worth of sales with modifiers, charges, discounts, payments that
 * differ from the total, cancellations, refunds given later, and header totals edited out of band.
 */
class ReconciliationHistoryTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    private static final String RANGE = "fromDate=2026-03-02&toDate=2026-03-05";
    private static final Map<String, History> HISTORIES = new ConcurrentHashMap<>();

    /** A server on a database of its own (the backfill test empties a table), holding one generated history. */
    private record History(Database database, BrigadeServer server, TestServer.Tenant tenant, List<String> saleIds) {
        JsonNode answer(String query) {
            ApiClient.Response r = tenant.api().get("/backoffice/v1/orgs/" + tenant.ids().orgId()
                    + "/analytics/reconciliation?" + query);
            assertEquals(200, r.status(), r.body());
            return r.json();
        }

        JsonNode reference(String salesChannelId) {
            Reconciliation old = database.read(c -> lineByLine(c, tenant.ids().orgId(), FIRST, FIRST.plusDays(3),
                    salesChannelId));
            try {
                return Json.mapper().readTree(Json.mapper().writeValueAsString(old));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static synchronized History history(String db) {
        return HISTORIES.computeIfAbsent(db, ReconciliationHistoryTest::generate);
    }

    private static History generate(String db) {
        try {
            Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null);
            BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            DemoBootstrap.Result ids = new DemoBootstrap(database, Clock.systemUTC()).run("Reconciled Bistro");
            TestServer.keepBootstrapPin(database, ids.orgId());
            TestServer.Tenant t = new TestServer.Tenant(ids, new ApiClient(server.uri())
                    .withToken(ids.clientId(), ids.clientSecret()));
            String org = "/salesManagement/orgs/" + ids.orgId() + "/sales";
            assertEquals(200, t.api().send("PUT", "/backoffice/v1/orgs/" + ids.orgId() + "/properties/"
                    + ids.propertyId() + "/money-settings", "{\"refundsNeedManager\":false,\"voidsNeedManager\":true,"
                    + "\"noSaleNeedsManager\":true,\"reopenNeedsManager\":true}").status());
            SplittableRandom random = new SplittableRandom(24);
            List<String> saleIds = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                Map<String, Object> sale = randomSale(random, ids);
                ApiClient.Response created = t.api().post(org, sale, "x-idempotency-key",
                        UUID.randomUUID().toString());
                assertEquals(201, created.status(), created.body());
                String saleId = created.json().get("saleId").asText();
                saleIds.add(saleId);
                int fate = random.nextInt(10);
                if (fate == 0) {
                    assertEquals(200, t.api().post(org + "/" + saleId + "/cancel",
                            Map.of("cancellationReason", "rung twice")).status());
                } else if (fate == 1 || fate == 2) {
                    ApiClient.Response refund = t.api().post(org + "/" + saleId + "/refunds", Map.of("refundId",
                            UUID.randomUUID().toString(), "amount", new BigDecimal("1.25"), "paymentMethod", "Cash",
                            "reason", "cold chips"));
                    assertEquals(200, refund.status(), refund.body());
                }
            }
            // Header totals edited out of band, one field each (what the check exists to catch); one of them on a
            // sale refunded since.
            String[] edits = {"total_items = total_items + 1", "total_charges = 0.5", "total_discounts = 2.22",
                    "total_refunds = total_refunds + 0.25", "total_sale_amount = 0", "total_paid_amount = 3.33"};
            for (int e = 0; e < edits.length; e++) {
                String saleId = saleIds.get(5 + e * 11);
                String edit = edits[e];
                database.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE sales SET " + edit + " WHERE sale_id = ?")) {
                        ps.setString(1, saleId);
                        assertEquals(1, ps.executeUpdate());
                    }
                    return null;
                });
            }
            return new History(database, server, t, saleIds);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> randomSale(SplittableRandom random, DemoBootstrap.Result ids) {
        LocalDate day = FIRST.plusDays(random.nextInt(4));
        String time = day + "T" + (10 + random.nextInt(10)) + ":" + (10 + random.nextInt(50)) + ":00Z";
        Map<String, Object> sale = Sales.simple(ids, time, "0");
        List<Map<String, Object>> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int l = 0, lines = 1 + random.nextInt(3); l < lines; l++) {
            int kind = random.nextInt(3);
            int quantity = 1 + random.nextInt(3);
            List<Map<String, Object>> mods = new ArrayList<>();
            BigDecimal unit;
            String itemId;
            if (kind == 0) { // a pizza with up to two toppings
                itemId = ids.menuItemIds().get(random.nextInt(4));
                unit = new BigDecimal("11.50");
                for (int m = 0, n = random.nextInt(3); m < n; m++) {
                    BigDecimal price = new BigDecimal("1.0").add(BigDecimal.valueOf(m, 1));
                    mods.add(Sales.item(ids.modifierItemIds().get(m), 1, price.toPlainString(), List.of()));
                    unit = unit.add(price);
                }
            } else if (kind == 1) { // a burger with its side
                itemId = ids.menuItemIds().get(4 + random.nextInt(4));
                unit = new BigDecimal("12.00").add(BigDecimal.ONE);
                mods.add(Sales.item(ids.modifierItemIds().get(4 + random.nextInt(3)), 1, "1.00", List.of()));
            } else {
                itemId = ids.menuItemIds().get(8 + random.nextInt(4));
                unit = new BigDecimal("3.0000");
            }
            items.add(Sales.item(itemId, quantity, kind == 1 ? "12.00" : unit.subtract(sum(mods)).toPlainString(),
                    mods));
            total = total.add(unit.multiply(BigDecimal.valueOf(quantity)));
        }
        sale.put("items", items);
        if (random.nextInt(4) == 0) {
            sale.put("charges", new ArrayList<>(List.of(Sales.amount("Service", "1.50", null))));
            total = total.add(new BigDecimal("1.50"));
        }
        if (random.nextInt(4) == 0) {
            sale.put("discounts", new ArrayList<>(List.of(Sales.amount("Spot", "2.00", null))));
            total = total.subtract(new BigDecimal("2.00"));
        }
        // Most pay the total; some pay more or less (kept as a payment mismatch); some pay in two parts.
        int pay = random.nextInt(8);
        List<Map<String, Object>> payments = new ArrayList<>();
        if (pay == 0) {
            payments.add(Sales.payment("Sale", "Cash", total.add(new BigDecimal("0.50")).toPlainString(), time));
        } else if (pay == 1) {
            payments.add(Sales.payment("Sale", "Credit", total.subtract(new BigDecimal("0.10")).toPlainString(), time));
        } else if (pay == 2) {
            payments.add(Sales.payment("Sale", "Cash", "5.00", time));
            payments.add(Sales.payment("Sale", "Credit", total.subtract(new BigDecimal("5.00")).toPlainString(), time));
        } else {
            payments.add(Sales.payment("Sale", "Credit", total.toPlainString(), time));
        }
        sale.put("payments", payments);
        return sale;
    }

    private static BigDecimal sum(List<Map<String, Object>> mods) {
        return mods.stream().map(m -> (BigDecimal) m.get("unitPrice")).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void answersAsTheLineByLineComputationOverAGeneratedHistory(String db) {
        History h = history(db);
        JsonNode answer = h.answer(RANGE);
        assertEquals(h.reference(null), answer);
        assertEquals(80, answer.get("salesChecked").asInt());
        assertTrue(answer.get("mismatches").size() >= 6, answer.toString());
        assertTrue(answer.get("paymentMismatches").size() > 0, answer.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void answersAsTheLineByLineComputationForOneChannel(String db) {
        History h = history(db);
        String channel = h.tenant().ids().salesChannelId();
        assertEquals(h.reference(channel), h.answer(RANGE + "&salesChannelId=" + channel));
    }

    /**
     * The migration's backfill adds up the stored lines as the old computation did, including lines the sale path
     * never writes: a modifier of a modifier (nested three deep) and a line whose parent is missing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void backfillAddsUpStoredLinesAsTheLineByLineComputation(String db) throws Exception {
        History h = history(db);
        String backfill = backfillStatement();
        String nested = h.saleIds().get(3);
        String orphan = h.saleIds().get(4);
        h.database().inTransaction(c -> {
            int last;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(line_no) FROM sale_items WHERE sale_id = ?")) {
                ps.setString(1, nested);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    last = rs.getInt(1);
                }
            }
            insertLine(c, nested, last + 1, 1, 2, "0.30");
            insertLine(c, nested, last + 2, last + 1, 3, "0.05");
            insertLine(c, orphan, 99, 98, 1, "4.00");
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM sale_line_totals");
                st.executeUpdate(backfill);
            }
            return null;
        });
        JsonNode answer = h.answer(RANGE);
        assertEquals(h.reference(null), answer);
        assertTrue(answer.get("mismatches").toString().contains(nested), answer.toString());
    }

    private static void insertLine(Connection c, String saleId, int lineNo, int parent, int quantity, String price)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_items (sale_id, line_no, parent_line_no, "
                + "menu_item_id, quantity, unit_price) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, saleId);
            ps.setInt(2, lineNo);
            ps.setInt(3, parent);
            ps.setString(4, "added-out-of-band");
            ps.setInt(5, quantity);
            ps.setBigDecimal(6, new BigDecimal(price));
            ps.executeUpdate();
        }
    }

    /** The INSERT of the migration that made sale_line_totals, as it ran on the sales stored before it. */
    private static String backfillStatement() throws IOException {
        try (InputStream in = ReconciliationHistoryTest.class.getResourceAsStream(
                "/db/migration/V45__sale_line_totals.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String insert = sql.substring(sql.indexOf("INSERT INTO sale_line_totals"));
            return insert.substring(0, insert.lastIndexOf(';'));
        }
    }

    // ---- the computation the reconciliation used before: every sale of the range, its lines re-added ----

    private record Line(Integer parent, int quantity, BigDecimal unitPrice, List<Line> children) {
        BigDecimal total() {
            BigDecimal unit = unitPrice;
            for (Line child : children) {
                unit = unit.add(child.total());
            }
            return unit.multiply(BigDecimal.valueOf(quantity));
        }
    }

    private static final class Totals {
        final String saleId;
        final String channelId;
        final BigDecimal[] header = new BigDecimal[6];
        BigDecimal paymentMismatch;
        BigDecimal charges = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        final Map<Integer, Line> lines = new LinkedHashMap<>();

        Totals(String saleId, String channelId) {
            this.saleId = saleId;
            this.channelId = channelId;
        }
    }

    private static final String[] FIELDS = {"totalItems", "totalCharges", "totalDiscounts", "totalRefunds",
            "totalSaleAmount", "totalPaidAmount"};

    static Reconciliation lineByLine(Connection c, String orgId, LocalDate from, LocalDate to, String channelId)
            throws SQLException {
        String where = " WHERE s.org_id = ? AND s.business_date BETWEEN ? AND ?"
                + (channelId == null ? "" : " AND s.sales_channel_id = ?");
        Object[] params = channelId == null ? new Object[] {orgId, from, to} : new Object[] {orgId, from, to, channelId};
        Map<String, Totals> sales = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.sale_id, s.sales_channel_id, s.total_items, "
                + "s.total_charges, s.total_discounts, s.total_refunds, s.total_sale_amount, s.total_paid_amount, "
                + "s.payment_mismatch FROM sales s" + where + " ORDER BY s.business_date, s.sale_id")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Totals t = new Totals(rs.getString(1), rs.getString(2));
                    for (int i = 0; i < 6; i++) {
                        t.header[i] = rs.getBigDecimal(3 + i);
                    }
                    t.paymentMismatch = rs.getBigDecimal(9);
                    sales.put(t.saleId, t);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT i.sale_id, i.line_no, i.parent_line_no, i.quantity, "
                + "i.unit_price FROM sale_items i JOIN sales s ON s.sale_id = i.sale_id" + where
                + " ORDER BY i.sale_id, i.line_no")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Totals t = sales.get(rs.getString(1));
                    int lineNo = rs.getInt(2);
                    int parent = rs.getInt(3);
                    Integer parentOrNull = rs.wasNull() ? null : parent;
                    t.lines.put(lineNo, new Line(parentOrNull, rs.getInt(4), rs.getBigDecimal(5), new ArrayList<>()));
                }
            }
        }
        sumInto(c, "SELECT x.sale_id, SUM(x.amount) FROM sale_charges x JOIN sales s ON s.sale_id = x.sale_id"
                + where + " GROUP BY x.sale_id", params, sales, 0);
        sumInto(c, "SELECT x.sale_id, SUM(x.amount) FROM sale_discounts x JOIN sales s ON s.sale_id = x.sale_id"
                + where + " GROUP BY x.sale_id", params, sales, 1);
        sumInto(c, "SELECT x.sale_id, SUM(x.amount) FROM sale_payments x JOIN sales s ON s.sale_id = x.sale_id"
                + where + " AND x.type <> 'Refund' GROUP BY x.sale_id", params, sales, 2);
        sumInto(c, "SELECT x.sale_id, SUM(x.amount) FROM sale_payments x JOIN sales s ON s.sale_id = x.sale_id"
                + where + " AND x.type = 'Refund' GROUP BY x.sale_id", params, sales, 3);
        List<Reconciliation.Mismatch> mismatches = new ArrayList<>();
        List<Reconciliation.PaymentMismatch> paymentMismatches = new ArrayList<>();
        for (Totals t : sales.values()) {
            if (t.paymentMismatch.signum() != 0) {
                paymentMismatches.add(new Reconciliation.PaymentMismatch(t.saleId, t.channelId, plain(t.header[4]),
                        plain(t.header[5]), plain(t.header[3]), plain(t.paymentMismatch)));
            }
            for (Line line : t.lines.values()) {
                if (line.parent() != null && t.lines.get(line.parent()) != null) {
                    t.lines.get(line.parent()).children().add(line);
                }
            }
            BigDecimal items = BigDecimal.ZERO;
            for (Line line : t.lines.values()) {
                if (line.parent() == null) {
                    items = items.add(line.total());
                }
            }
            BigDecimal[] fromLines = {items, t.charges, t.discounts, t.refunds,
                    items.add(t.charges).subtract(t.discounts), t.paid};
            for (int i = 0; i < 6; i++) {
                if (t.header[i].compareTo(fromLines[i]) != 0) {
                    mismatches.add(new Reconciliation.Mismatch(t.saleId, t.channelId, FIELDS[i], plain(t.header[i]),
                            plain(fromLines[i])));
                }
            }
        }
        return new Reconciliation(from, to, sales.size(), mismatches, paymentMismatches);
    }

    private static void sumInto(Connection c, String sql, Object[] params, Map<String, Totals> sales, int which)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Totals t = sales.get(rs.getString(1));
                    BigDecimal v = rs.getBigDecimal(2);
                    switch (which) {
                        case 0 -> t.charges = v;
                        case 1 -> t.discounts = v;
                        case 2 -> t.paid = v;
                        default -> t.refunds = v;
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
