package io.brigade.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.billing.BillingRepository;
import io.brigade.server.org.Plan;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each job type on real data, with an assertion on its effect, on H2 and PostgreSQL. */
class JobTypesTest {

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    private static JsonNode completed(JsonNode job) {
        assertEquals("completed", job.get("status").asText(), job.toString());
        assertEquals(100, job.get("progress").asInt());
        return job.get("result");
    }

    private static String menus(String orgId) {
        return "/menuManagement/orgs/" + orgId + "/menus/";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void analyticsExportWritesTheCanonicalHeaderAndLineFilesResolvedAgainstTheSalesOwnRevision(String db)
            throws Exception {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        String rich = Jobs.push(t.api(), org, Jobs.richSale(t.ids(), "2026-03-02T12:00:00Z", "john@example.com"));
        String simple = Jobs.push(t.api(), org, Sales.simple(t.ids(), "2026-03-03T12:00:00Z", "3.00"));
        Jobs.push(t.api(), org, Sales.simple(t.ids(), "2026-04-10T12:00:00Z", "3.00")); // outside the range
        // Revision 2 renames the pizza; the sale was rung on revision 1 and must keep the old name.
        JsonNode rev1 = t.api().get(menus(org) + t.ids().menuId() + "/revisions/1").json().get("data").get("menu");
        String renamed = rev1.toString().replace("\"Diavola\"", "\"Diavola Piccante\"");
        assertEquals(201, t.api().post(menus(org) + t.ids().menuId() + "/revisions", renamed).status());

        JsonNode result = completed(Jobs.run(t.api(), org, "analytics-export",
                Map.of("fromDate", "2026-03-01", "toDate", "2026-03-31")));
        assertEquals(2, result.get("sales").asInt());
        assertEquals(3, result.get("lines").asInt());
        String base = Jobs.path(org) + "/" + findJob(t.api(), org, "analytics-export") + "/result/";

        List<CSVRecord> sales = csv(t.api().get(base + "sales.csv").body());
        assertEquals(2, sales.size());
        CSVRecord header = sales.stream().filter(r -> r.get("saleId").equals(rich)).findFirst().orElseThrow();
        assertEquals("DineIn", header.get("orderChannel"));
        assertEquals("POS", header.get("salesChannelType"));
        assertEquals(t.ids().propertyId(), header.get("propertyId"));
        assertEquals("2", header.get("guests"));
        assertEquals("Credit", header.get("paymentMethods"));
        assertEquals("Spot:SPRING", header.get("discounts"));
        assertEquals(0, new BigDecimal("16.04").compareTo(new BigDecimal(header.get("totalSaleAmount"))));
        CSVRecord takeaway = sales.stream().filter(r -> r.get("saleId").equals(simple)).findFirst().orElseThrow();
        assertEquals("Takeaway", takeaway.get("orderChannel"));

        List<CSVRecord> lines = csv(t.api().get(base + "lines.csv").body());
        CSVRecord pizza = lines.stream().filter(r -> r.get("saleId").equals(rich) && r.get("parentLineNo").isEmpty())
                .findFirst().orElseThrow();
        assertEquals("Diavola", pizza.get("itemName"));
        assertEquals("Pizzas", pizza.get("category"));
        assertEquals("item", pizza.get("kind"));
        CSVRecord topping = lines.stream().filter(r -> r.get("saleId").equals(rich) && !r.get("parentLineNo").isEmpty())
                .findFirst().orElseThrow();
        assertEquals(pizza.get("lineNo"), topping.get("parentLineNo"));
        assertEquals("Extra mozzarella", topping.get("itemName"));
        assertEquals("Extra toppings", topping.get("category"));
        assertEquals("modifier", topping.get("kind"));

        List<CSVRecord> charges = csv(t.api().get(base + "charges.csv").body());
        assertEquals(1, charges.size());
        assertEquals("Service", charges.get(0).get("type"));
        assertEquals("sale", charges.get(0).get("level"));
        assertEquals(1, csv(t.api().get(base + "discounts.csv").body()).size());
        assertEquals(2, csv(t.api().get(base + "payments.csv").body()).size());

        // All five files at once, as a zip.
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        t.api().base().resolve(base.substring(0, base.length() - 1)))
                .header("Authorization", authorization(t)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertEquals(List.of("charges.csv", "discounts.csv", "lines.csv", "payments.csv", "sales.csv"), names);
    }

    @Test
    void anExportFileGoesAsStoredGzipToAClientThatAcceptsIt() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String org = t.ids().orgId();
        Jobs.push(t.api(), org, Jobs.richSale(t.ids(), "2026-03-02T12:00:00Z", "john@example.com"));
        completed(Jobs.run(t.api(), org, "analytics-export", Map.of("fromDate", "2026-03-01", "toDate", "2026-03-31")));
        String lines = Jobs.path(org) + "/" + findJob(t.api(), org, "analytics-export") + "/result/lines.csv";

        HttpResponse<byte[]> zipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                t.api().base().resolve(lines)).header("Authorization", authorization(t))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        String unzipped;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(zipped.body()))) {
            unzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(t.api().get(lines).body(), unzipped);
    }

    @Test
    void anExportWithoutCancelledSalesLeavesThemOut() throws Exception {
        TestServer.Tenant t = TestServer.of("h2").newTenant();
        String org = t.ids().orgId();
        String kept = Jobs.push(t.api(), org, Sales.simple(t.ids(), "2026-03-03T12:00:00Z", "3.00"));
        String cancelled = Jobs.push(t.api(), org, Sales.simple(t.ids(), "2026-03-04T12:00:00Z", "3.00"));
        assertEquals(200, t.api().post("/salesManagement/orgs/" + org + "/sales/" + cancelled + "/cancel",
                Map.of("salesChannelId", t.ids().salesChannelId(), "cancellationReason", "customer left")).status());

        JsonNode result = completed(Jobs.run(t.api(), org, "analytics-export", Map.of("fromDate", "2026-03-01",
                "toDate", "2026-03-31", "includeCancelled", false)));
        assertEquals(1, result.get("sales").asInt());
        String base = Jobs.path(org) + "/" + findJob(t.api(), org, "analytics-export") + "/result/";
        assertEquals(List.of(kept), csv(t.api().get(base + "sales.csv").body()).stream().map(r -> r.get("saleId"))
                .toList());
    }

    private static String authorization(TestServer.Tenant t) {
        return t.api().get("/").raw().request().headers().firstValue("Authorization").orElseThrow();
    }

    private static String findJob(ApiClient api, String org, String type) {
        return api.get(Jobs.path(org) + "?type=" + type).json().get("data").get(0).get("jobId").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void bulkMealUpdateMakesANewRevisionWithTheNewPricesAndAvailabilityAndPublishesIt(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        List<String> items = t.ids().menuItemIds();
        JsonNode result = completed(Jobs.run(t.api(), org, "bulk-meal-update", Map.of("menuId", t.ids().menuId(),
                "publish", true, "changes", List.of(
                        Map.of("menuItemId", items.get(0), "price", 12.25),
                        Map.of("menuItemId", items.get(1), "price", 14.5, "available", false),
                        Map.of("productId", items.get(8), "available", false)))));
        assertEquals(2, result.get("revisionId").asInt());
        assertEquals(3, result.get("itemsChanged").asInt());
        JsonNode current = t.api().get(menus(org) + t.ids().menuId() + "/current").json().get("data");
        assertEquals(2, current.get("revisionId").asInt(), "published to the channel");
        List<JsonNode> all = new ArrayList<>();
        current.get("menu").get("categories").forEach(c -> c.get("items").forEach(all::add));
        JsonNode margherita = all.stream().filter(i -> i.get("id").asText().equals(items.get(0))).findFirst().orElseThrow();
        assertEquals("12.25", margherita.get("pricingProfiles").get(0).get("dineInPrice").asText());
        assertEquals("12.25", margherita.get("pricingProfiles").get(0).get("takeawayPrice").asText());
        assertEquals(0, margherita.get("availabilityOverrides").size());
        JsonNode diavola = all.stream().filter(i -> i.get("id").asText().equals(items.get(1))).findFirst().orElseThrow();
        assertEquals("14.50", diavola.get("pricingProfiles").get(0).get("collectionPrice").asText());
        assertEquals(7, diavola.get("availabilityOverrides").size());
        assertFalse(diavola.get("availabilityOverrides").get(0).get("available").asBoolean());
        // Revision 1 is untouched.
        JsonNode rev1 = t.api().get(menus(org) + t.ids().menuId() + "/revisions/1").json().get("data");
        assertEquals("11.50", rev1.get("menu").get("categories").get(0).get("items").get(0).get("pricingProfiles")
                .get(0).get("dineInPrice").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void productSyncAllRepublishesEveryCurrentRevisionToItsChannels(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String org = t.ids().orgId();
        int before = Jobs.count(server.database(), "SELECT COUNT(*) FROM menu_publications WHERE org_id = ?", org);
        JsonNode result = completed(Jobs.run(t.api(), org, "product-sync-all", Map.of()));
        assertEquals(1, result.get("revisionsRepublished").asInt());
        assertEquals(1, result.get("publications").asInt());
        assertEquals(before + 1, Jobs.count(server.database(),
                "SELECT COUNT(*) FROM menu_publications WHERE org_id = ? AND sales_channel_id = ? AND revision_id = 1",
                org, t.ids().salesChannelId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void gdprDeletionErasesOneCustomersPersonalDataButKeepsTheSalesAndTheirTotals(String db) {
        TestServer.Tenant t = TestServer.of(db).newTenant();
        String org = t.ids().orgId();
        String john = Jobs.push(t.api(), org, Jobs.richSale(t.ids(), "2026-03-02T12:00:00Z", "John@Example.com"));
        String mary = Jobs.push(t.api(), org, Jobs.richSale(t.ids(), "2026-03-02T13:00:00Z", "mary@example.com"));
        JsonNode result = completed(Jobs.run(t.api(), org, "gdpr-shop-deletion",
                Map.of("customerEmail", "john@example.com")));
        assertEquals(1, result.get("salesAnonymised").asInt());
        String detail = "/salesManagement/orgs/" + org + "/salesChannels/" + t.ids().salesChannelId() + "/sales/";
        JsonNode erased = t.api().get(detail + john).json().get("data");
        assertTrue(erased.get("customer").isNull(), erased.toString());
        assertTrue(erased.get("metadata").isNull(), erased.toString());
        assertEquals(t.ids().menuItemIds().get(1), erased.get("items").get(0).get("menuItemId").asText());
        JsonNode kept = t.api().get(detail + mary).json().get("data");
        assertEquals("mary@example.com", kept.get("customer").get("emailAddress").asText());
        ApiClient.Response list = t.api().get("/salesManagement/orgs/" + org + "/salesChannels/"
                + t.ids().salesChannelId() + "/sales?fromDate=2026-03-01&toDate=2026-03-31");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains(john), "the erased sale is still listed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void gdprDeletionOfAWholeShopErasesEverySaleOfThatProperty(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String org = t.ids().orgId();
        for (int i = 0; i < 5; i++) {
            Jobs.push(t.api(), org, Jobs.richSale(t.ids(), "2026-03-02T1" + i + ":00:00Z", "c" + i + "@example.com"));
        }
        JsonNode result = completed(Jobs.run(t.api(), org, "gdpr-shop-deletion",
                Map.of("propertyId", t.ids().propertyId())));
        assertEquals(5, result.get("salesAnonymised").asInt());
        assertEquals(0, Jobs.count(server.database(), "SELECT COUNT(*) FROM sales WHERE org_id = ? AND "
                + "(customer_name IS NOT NULL OR customer_email IS NOT NULL OR customer_phone IS NOT NULL)", org));
        assertEquals(5, Jobs.count(server.database(), "SELECT COUNT(*) FROM sales WHERE org_id = ? "
                + "AND total_sale_amount = 16.04", org));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void tenantMigrationMovesAPropertyWithItsChannelsAndHistoryToAnotherOrgOfTheSameOwner(String db)
            throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant from = server.newTenant();
        TestServer.Tenant to = server.newTenant();
        TenantMigrationRepository owners = new TenantMigrationRepository();
        server.database().inTransaction(c -> {
            owners.setOwner(c, from.ids().orgId(), "owner-" + from.ids().orgId());
            owners.setOwner(c, to.ids().orgId(), "owner-" + from.ids().orgId());
            return null;
        });
        String saleId = Jobs.push(from.api(), from.ids().orgId(),
                Jobs.richSale(from.ids(), "2026-03-02T12:00:00Z", "a@example.com"));
        JsonNode result = completed(Jobs.run(from.api(), from.ids().orgId(), "tenant-migration",
                Map.of("propertyId", from.ids().propertyId(), "targetOrgId", to.ids().orgId())));
        assertEquals(1, result.get("salesMoved").asInt());
        assertEquals(1, result.get("channelsMoved").asInt());
        assertEquals(1, result.get("menusCopied").asInt());

        String channel = from.ids().salesChannelId();
        String sale = "/salesChannels/" + channel + "/sales/" + saleId;
        assertEquals(404, from.api().get("/salesManagement/orgs/" + from.ids().orgId() + sale).status());
        JsonNode moved = to.api().get("/salesManagement/orgs/" + to.ids().orgId() + sale).json().get("data");
        assertEquals(0, new BigDecimal("16.04").compareTo(moved.get("payments").get(0).get("amount").decimalValue()));
        assertNotEquals(from.ids().menuId(), moved.get("menuId").asText(), "points at the target org's copy");
        assertEquals(200, to.api().get("/orgManagement/orgs/" + to.ids().orgId() + "/properties/"
                + from.ids().propertyId()).status());
        assertEquals(404, from.api().get("/orgManagement/orgs/" + from.ids().orgId() + "/properties/"
                + from.ids().propertyId()).status());
        // The moved history still resolves against its own revision in the target org.
        JsonNode export = completed(Jobs.run(to.api(), to.ids().orgId(), "analytics-export",
                Map.of("fromDate", "2026-03-01", "toDate", "2026-03-31", "propertyId", from.ids().propertyId())));
        assertEquals(1, export.get("sales").asInt());
        String lines = to.api().get(Jobs.path(to.ids().orgId()) + "/" + findJob(to.api(), to.ids().orgId(),
                "analytics-export") + "/result/lines.csv").body();
        assertTrue(lines.contains("Diavola"), lines);
        // Its analytics figures moved with it: the target's summary counts the sale, the source's no longer.
        for (TestServer.Tenant t : List.of(from, to)) {
            server.database().inTransaction(c -> {
                new io.brigade.server.org.OrgRepository().setAnalyticsEnabled(c, t.ids().orgId(), true);
                return null;
            });
        }
        String march = "/analytics/summary?fromDate=2026-03-01&toDate=2026-03-31";
        JsonNode there = to.api().get("/backoffice/v1/orgs/" + to.ids().orgId() + march).json();
        assertEquals(1, there.get("orders").asInt(), there.toString());
        assertEquals(0, new BigDecimal("16.04").compareTo(there.get("revenue").decimalValue()), there.toString());
        JsonNode left = from.api().get("/backoffice/v1/orgs/" + from.ids().orgId() + march).json();
        assertEquals(0, left.get("orders").asInt(), left.toString());
        // Its open kitchen ticket moved too: the target's display shows it, the source's no longer.
        String kitchen = "/kitchen/tickets?propertyId=" + from.ids().propertyId();
        JsonNode targetTickets = to.api().get("/backoffice/v1/orgs/" + to.ids().orgId() + kitchen).json();
        assertEquals(saleId, targetTickets.get("tickets").get(0).get("ticketId").asText(), targetTickets.toString());
        ApiClient.Response source = from.api().get("/backoffice/v1/orgs/" + from.ids().orgId() + kitchen);
        assertTrue(source.status() == 404 || source.status() == 422, "the source has no such property now: "
                + source.body());
        // A till of the moved channel can keep selling: the channel's current menu is the copy.
        Map<String, Object> next = Sales.simple(from.ids(), "2026-03-05T12:00:00Z", "3.00");
        next.put("menuId", moved.get("menuId").asText());
        Jobs.push(to.api(), to.ids().orgId(), next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void tenantMigrationToAnOrgOfAnotherOwnerIsRefusedWith422(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant from = server.newTenant();
        TestServer.Tenant stranger = server.newTenant();
        server.database().inTransaction(c -> {
            new TenantMigrationRepository().setOwner(c, from.ids().orgId(), "owner-a");
            new TenantMigrationRepository().setOwner(c, stranger.ids().orgId(), "owner-b");
            return null;
        });
        ApiClient.Response r = Jobs.start(from.api(), from.ids().orgId(), "tenant-migration",
                Map.of("propertyId", from.ids().propertyId(), "targetOrgId", stranger.ids().orgId()));
        assertEquals(422, r.status(), r.body());
        assertEquals("parameters.targetOrgId", r.json().get("errors").get(0).get("field").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void nutritionImportAppliesGoodRowsAndReportsBadOnesWithTheirLineNumbers(String db) throws Exception {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String org = t.ids().orgId();
        List<String> items = t.ids().menuItemIds();
        String csv = "item,allergens,energyKcal,saltG\n"
                + items.get(0) + ",gluten;milk;celery,820,2.1\n"
                + "no-such-item,,100,1\n"
                + items.get(1) + ",,lots,1\n"
                + items.get(8) + ",none,0,0\n";
        JsonNode result = completed(Jobs.run(t.api(), org, "bulk-nutrition-import",
                Map.of("menuId", t.ids().menuId(), "csv", csv)));
        assertEquals(2, result.get("rowsApplied").asInt());
        assertEquals(2, result.get("rowsRejected").asInt());
        assertEquals(3, result.get("errors").get(0).get("line").asInt());
        assertEquals(4, result.get("errors").get(1).get("line").asInt());
        assertTrue(result.get("errors").get(1).get("error").asText().contains("energyKcal"), result.toString());
        assertEquals(2, result.get("revisionId").asInt());
        JsonNode rev2 = t.api().get(menus(org) + t.ids().menuId() + "/revisions/2").json().get("data").get("menu");
        assertEquals("[\"gluten\",\"milk\",\"celery\"]",
                rev2.get("categories").get(0).get("items").get(0).get("allergens").toString());
        assertEquals(1, Jobs.count(server.database(), "SELECT COUNT(*) FROM menu_item_nutrition WHERE org_id = ? "
                + "AND product_id = ? AND energy_kcal = 820 AND salt_g = 2.1", org, items.get(0)));
        assertEquals(2, Jobs.count(server.database(), "SELECT COUNT(*) FROM menu_item_nutrition WHERE org_id = ?", org));
        List<CSVRecord> rejected = csv(t.api().get(Jobs.path(org) + "/" + findJob(t.api(), org,
                "bulk-nutrition-import") + "/result/rejected-rows.csv").body());
        assertEquals(List.of("3", "4"), rejected.stream().map(r -> r.get("line")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void subscriptionProcessDowngradesAtThePeriodEndOnceAndRenewsTheNextPeriod(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        String org = t.ids().orgId();
        Instant periodEnd = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        BillingRepository billing = new BillingRepository();
        server.database().inTransaction(c -> {
            billing.setPeriodEnd(c, org, periodEnd);
            billing.setPendingPlan(c, org, Plan.PROFESSIONAL);
            return null;
        });
        JsonNode result = completed(Jobs.run(t.api(), org, "subscription-process", Map.of()));
        assertEquals(1, result.get("changes").size(), result.toString());
        assertEquals("downgrade", result.get("changes").get(0).get("kind").asText());
        BillingRepository.Billing after = server.database().read(c -> billing.lock(c, org)).orElseThrow();
        assertEquals(Plan.PROFESSIONAL, after.plan());
        assertEquals(null, after.pendingPlan());
        assertTrue(after.periodEnd().isAfter(Instant.now()), "the next period has started");
        // Running again changes nothing.
        assertEquals(0, completed(Jobs.run(t.api(), org, "subscription-process", Map.of())).get("changes").size());
        assertEquals(Integer.valueOf(1), server.database().read(c -> billing.changesLogged(c, org)));
    }
}
