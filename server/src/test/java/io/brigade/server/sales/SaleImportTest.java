package io.brigade.server.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.Sale;
import io.brigade.server.BrigadeServer;
import io.brigade.server.ImportSalesCommand;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.support.AnalyticsFixture;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import io.brigade.server.webhooks.SecretBox;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The historical import against the live path: the same sales give the same analytics answers and the
 * same stored sales, bad sales are reported by index without stopping the rest, and history fires none
 * of the live side effects (webhooks, kitchen tickets, stock).
 */
class SaleImportTest {
    private static final String RANGE = "fromDate=2026-05-06&toDate=2026-05-07";
    private static final List<String> VIEWS = List.of("summary", "daily", "meals", "options", "funnel",
            "profitability", "ingredients");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void importedSalesAnswerEveryAnalyticsViewAndSaleDetailLikeLiveSales(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant live = server.newTenant();
        TestServer.Tenant imported = server.newTenant();

        List<String> liveIds = new ArrayList<>();
        for (Map<String, Object> sale : fixture(live.ids())) {
            boolean cancel = "SALE_CANCELLED".equals(sale.remove("status"));
            ApiClient.Response r = live.api().post("/salesManagement/orgs/" + live.ids().orgId() + "/sales", sale,
                    "x-idempotency-key", (String) sale.get("externalId"));
            assertEquals(201, r.status(), r.body());
            String saleId = r.json().get("saleId").asText();
            liveIds.add(saleId);
            if (cancel) {
                ApiClient.Response c = live.api().post("/salesManagement/orgs/" + live.ids().orgId() + "/sales/"
                        + saleId + "/cancel", Map.of("salesChannelId", live.ids().salesChannelId(),
                        "cancellationReason", "Customer left"));
                assertEquals(200, c.status(), c.body());
            }
        }
        // Chunks of 3: A and B (same day) are summed in memory before their first insert; D's chunk then
        // updates the day and Margherita rows that C's chunk inserted.
        SaleImport.Summary summary = importSales(server.database(), imported.ids().orgId(),
                fixture(imported.ids()), 3);
        assertEquals(4, summary.imported(), summary.toString());
        assertEquals(1, summary.cancelled());
        assertEquals(0, summary.rejected(), summary.toString());

        JsonNode liveSummary = view(live, "summary");
        assertEquals(3, liveSummary.get("orders").asInt(), "the fixture gives the views something to differ on");
        assertEquals(1, liveSummary.get("cancelledOrders").asInt());
        for (String view : VIEWS) {
            // Rows that tie are ordered by menu item id, and the two orgs' ids sort differently.
            assertEquals(sorted(view(live, view)).toString(), sorted(readTree(translate(view(imported, view).toString(),
                    imported.ids(), live.ids(), List.of(), List.of()))).toString(), view);
        }

        List<String> importedIds = new ArrayList<>();
        JsonNode listed = imported.api().get("/salesManagement/orgs/" + imported.ids().orgId() + "/salesChannels/"
                + imported.ids().salesChannelId() + "/sales?" + RANGE).json().get("data");
        listed.forEach(h -> importedIds.add(h.get("saleId").asText()));
        assertEquals(4, importedIds.size(), listed.toString());
        for (int i = 0; i < liveIds.size(); i++) {
            String liveDetail = detail(live, liveIds.get(i));
            String importedId = importedIds.stream().filter(id -> detail(imported, id).contains(
                    "\"displayId\":\"" + displayIdIn(liveDetail) + "\"")).findFirst().orElseThrow();
            assertEquals(liveDetail, translate(detail(imported, importedId), imported.ids(), live.ids(),
                    List.of(importedId), List.of(liveIds.get(i))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void badSalesInTheMiddleAreReportedByIndexAndTheOthersAreStored(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        DemoBootstrap.Result ids = t.ids();
        List<SaleImport.Entry> entries = new ArrayList<>();
        entries.add(SaleImport.Entry.of(1, sale(Sales.simple(ids, "2026-05-06T10:00:00Z", "2.50"))));
        entries.add(SaleImport.Entry.unreadable(2, "line is not a sale in JSON: Unexpected end-of-input"));
        Map<String, Object> unknownItem = Sales.simple(ids, "2026-05-06T11:00:00Z", "2.50");
        ((Map<String, Object>) ((List<?>) unknownItem.get("items")).get(0)).put("menuItemId", "no-such-item");
        entries.add(SaleImport.Entry.of(3, sale(unknownItem)));
        Map<String, Object> badSum = Sales.simple(ids, "2026-05-06T12:00:00Z", "2.50");
        badSum.put("discounts", List.of(Map.of("type", "Spot", "amount", 5)));
        entries.add(SaleImport.Entry.of(4, sale(badSum)));
        Map<String, Object> undated = Sales.simple(ids, "2026-05-06T12:00:00Z", "2.50");
        undated.remove("requestedFulfillmentTime");
        entries.add(SaleImport.Entry.of(5, sale(undated)));
        entries.add(SaleImport.Entry.of(6, sale(Sales.simple(ids, "2026-05-07T10:00:00Z", "3.50"))));

        // A chunk of 2 puts good and bad sales in the same transactions.
        SaleImport.Summary summary = ImportSalesCommand.saleImport(server.database(), Clock.systemUTC(), 2)
                .run(ids.orgId(), entries.iterator(), null);

        assertEquals(6, summary.read());
        assertEquals(2, summary.imported());
        assertEquals(4, summary.rejected());
        assertEquals(List.of(2L, 3L, 4L, 5L), summary.rejections().stream().map(SaleImport.Rejection::index).toList());
        assertEquals(400, summary.rejections().get(0).status());
        assertEquals("items[0].menuItemId", summary.rejections().get(1).errors().get(0).field());
        assertEquals("discounts", summary.rejections().get(2).errors().get(0).field());
        assertEquals("requestedFulfillmentTime", summary.rejections().get(3).errors().get(0).field());
        JsonNode stored = t.api().get("/salesManagement/orgs/" + ids.orgId() + "/salesChannels/"
                + ids.salesChannelId() + "/sales?" + RANGE).json().get("data");
        assertEquals(2, stored.size(), stored.toString());
        assertEquals(0, new BigDecimal("6.00").compareTo(new BigDecimal(
                t.api().get("/backoffice/v1/orgs/" + ids.orgId() + "/analytics/summary?" + RANGE).json()
                        .get("revenue").asText())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void importIntoAnUnknownOrgIsRefusedBeforeReadingAnything(String db) {
        TestServer server = TestServer.of(db);
        DemoBootstrap.Result ids = server.newTenant().ids();
        AtomicInteger pulled = new AtomicInteger();
        java.util.Iterator<SaleImport.Entry> entries = new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SaleImport.Entry next() {
                pulled.incrementAndGet();
                return SaleImport.Entry.of(1, sale(Sales.simple(ids, "2026-05-06T10:00:00Z", "2.50")));
            }
        };
        NotFoundException refused = org.junit.jupiter.api.Assertions.assertThrows(NotFoundException.class, () ->
                ImportSalesCommand.saleImport(server.database(), Clock.systemUTC(), 10).run("orgNOSUCHORG0", entries,
                        null));
        assertEquals("org orgNOSUCHORG0", refused.what());
        assertEquals(0, pulled.get());
    }

    @Test
    void importFiresNoWebhooksKitchenTicketsOrStockMovesThatALiveSaleDoes() throws Exception {
        Database database = Database.open(TestDatabases.freshUrl("h2"), null, null);
        AtomicInteger delivered = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            delivered.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        try (BrigadeServer server = BrigadeServer.create(0, database, Clock.systemUTC(),
                new BrigadeServer.Options(true, SecretBox.random(), false)).start()) {
            DemoBootstrap.Result ids = new DemoBootstrap(database, Clock.systemUTC()).run("Import Effects");
            ApiClient api = new ApiClient(server.uri()).withToken(ids.clientId(), ids.clientSecret());
            assertEquals(201, api.post("/webhooks/orgs/" + ids.orgId() + "/subscriptions", Map.of(
                    "callbackUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "secret", "import-secret-0123456789abcdef",
                    "eventTypes", List.of("sales.created.v1"))).status());
            String water = ids.menuItemIds().get(8);
            String stock = "/backoffice/v1/orgs/" + ids.orgId() + "/stock/" + water;
            assertEquals(200, api.send("PUT", stock, "{\"quantity\":10}").status());

            ApiClient.Response sale = api.post("/salesManagement/orgs/" + ids.orgId() + "/sales",
                    Sales.simple(ids, Instant.now().toString(), "2.50"), "x-idempotency-key", UUID.randomUUID().toString());
            assertEquals(201, sale.status(), sale.body());
            server.dispatcher().drain();
            assertEquals(1, delivered.get(), "the live sale is delivered");
            assertEquals(1, count(database, "SELECT COUNT(*) FROM kitchen_tickets WHERE org_id = ?", ids.orgId()));
            assertEquals(9, api.get(stock).json().get("quantity").asInt());
            long deliveries = count(database, "SELECT COUNT(*) FROM webhook_deliveries WHERE org_id = ?", ids.orgId());
            assertEquals(1, deliveries);

            SaleImport.Summary summary = importSales(database, ids.orgId(), List.of(
                    Sales.simple(ids, "2026-05-06T10:00:00Z", "2.50"),
                    Sales.simple(ids, "2026-05-06T11:00:00Z", "2.50")), 10);
            assertEquals(2, summary.imported(), summary.toString());
            server.dispatcher().drain();

            assertEquals(1, delivered.get(), "imported sales are not delivered");
            assertEquals(deliveries, count(database, "SELECT COUNT(*) FROM webhook_deliveries WHERE org_id = ?",
                    ids.orgId()));
            assertEquals(1, count(database, "SELECT COUNT(*) FROM kitchen_tickets WHERE org_id = ?", ids.orgId()));
            assertEquals(9, api.get(stock).json().get("quantity").asInt());
            assertEquals(3, count(database, "SELECT COUNT(*) FROM sales WHERE org_id = ?", ids.orgId()));
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * The fixture of AnalyticsViewsTest (Europe/Dublin): A with a modifier and a Spot discount, B with a
     * side, a service charge and a refund, C cancelled, D with a Voucher bigger than its margin.
     */
    static List<Map<String, Object>> fixture(DemoBootstrap.Result ids) {
        List<Map<String, Object>> sales = new ArrayList<>();
        AnalyticsFixture.sales(ids).forEach((name, sale) -> {
            sale.put("externalId", "old-pos-" + name); // the old POS's own id, unique within the org
            sale.put("displayId", name);
            sales.add(sale);
        });
        sales.get(2).put("status", "SALE_CANCELLED");
        sales.get(3).put("customer", Map.of("name", "Ada", "phoneNumber", "+353 1 234 5678"));
        sales.get(3).put("dineIn", Map.of("tableId", "T4", "guests", 2));
        return sales;
    }

    private static Sale sale(Map<String, Object> json) {
        return Json.mapper().convertValue(json, Sale.class);
    }

    private static SaleImport.Summary importSales(Database database, String orgId, List<Map<String, Object>> sales,
                                                  int chunk) {
        List<SaleImport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < sales.size(); i++) {
            entries.add(SaleImport.Entry.of(i + 1, sale(sales.get(i))));
        }
        return ImportSalesCommand.saleImport(database, Clock.systemUTC(), chunk).run(orgId, entries.iterator(), null);
    }

    private static JsonNode view(TestServer.Tenant t, String view) {
        ApiClient.Response r = t.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/analytics/" + view + "?" + RANGE);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static String detail(TestServer.Tenant t, String saleId) {
        ApiClient.Response r = t.api().get("/salesManagement/orgs/" + t.ids().orgId() + "/salesChannels/"
                + t.ids().salesChannelId() + "/sales/" + saleId);
        assertEquals(200, r.status(), r.body());
        return r.json().toString();
    }

    private static String displayIdIn(String detail) {
        return readTree(detail).get("data").get("displayId").asText();
    }

    /** The node with every array's elements in the order of their JSON text. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(e -> elements.add(sorted(e)));
            elements.sort(java.util.Comparator.comparing(JsonNode::toString));
            return Json.mapper().valueToTree(elements);
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode out = Json.mapper().createObjectNode();
            node.fields().forEachRemaining(f -> out.set(f.getKey(), sorted(f.getValue())));
            return out;
        }
        return node;
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code json} of org {@code from} with its ids (and the given extra ids) written as org {@code to}'s. */
    private static String translate(String json, DemoBootstrap.Result from, DemoBootstrap.Result to,
                                    List<String> extraFrom, List<String> extraTo) {
        List<String> a = new ArrayList<>(List.of(from.orgId(), from.brandId(), from.propertyId(),
                from.salesChannelId(), from.menuId()));
        List<String> b = new ArrayList<>(List.of(to.orgId(), to.brandId(), to.propertyId(), to.salesChannelId(),
                to.menuId()));
        a.addAll(from.menuItemIds());
        b.addAll(to.menuItemIds());
        a.addAll(from.modifierItemIds());
        b.addAll(to.modifierItemIds());
        a.addAll(extraFrom);
        b.addAll(extraTo);
        String out = json;
        for (int i = 0; i < a.size(); i++) {
            out = out.replace(a.get(i), b.get(i));
        }
        return out;
    }

    private static long count(Database database, String sql, String orgId) {
        return TestDatabases.queryLong(database, sql, orgId);
    }
}
